package dev.socketioredis.server;

import java.net.BindException;
import java.net.InetSocketAddress;

import com.corundumstudio.socketio.SocketIOServer;
import io.netty.channel.ChannelFuture;
import io.netty.channel.unix.Errors.NativeIoException;
import io.netty.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * Starts and stops the {@link SocketIOServer} with the application context. A netty-socketio server cannot be
 * started again once stopped, and its {@code stop()} fails if it never started: this lifecycle guards both.
 */
public class SocketIoServerLifecycle implements SmartLifecycle {

	/** Like an embedded web server: after most beans start, before them stop. */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 2048;

	private static final Logger logger = LoggerFactory.getLogger(SocketIoServerLifecycle.class);

	/** Linux's error number for an address in use. */
	private static final int EADDRINUSE = 98;

	private final SocketIOServer server;

	private final ApplicationEventPublisher eventPublisher;

	private final boolean autoStartup;

	private volatile State state = State.NEW;

	private volatile int port = -1;

	public SocketIoServerLifecycle(SocketIOServer server, ApplicationEventPublisher eventPublisher,
			boolean autoStartup) {
		this.server = server;
		this.eventPublisher = eventPublisher;
		this.autoStartup = autoStartup;
	}

	@Override
	public void start() {
		if (this.state != State.NEW) {
			if (this.state == State.STOPPED) {
				throw new IllegalStateException("A netty-socketio server cannot be started again once stopped");
			}
			return;
		}
		Future<Void> bind = this.server.startAsync().awaitUninterruptibly();
		String host = this.server.getConfiguration().getHostname();
		String address = ((host != null) ? host : "*") + ":" + this.server.getConfiguration().getPort();
		if (!bind.isSuccess()) {
			this.server.stop(); // releases the event loops started before the bind
			this.state = State.STOPPED;
			String reason = isPortInUse(bind.cause()) ? "the port is already in use" : "bind failed";
			throw new SocketIoServerStartException(
					"Socket.IO server could not listen on " + address + ": " + reason + " (socketio.server.port)",
					bind.cause());
		}
		this.port = ((InetSocketAddress) ((ChannelFuture) bind).channel().localAddress()).getPort();
		this.state = State.RUNNING;
		logger.info("Socket.IO server listening on port {}", this.port);
		this.eventPublisher.publishEvent(new SocketIoServerStartedEvent(this, this.port));
	}

	@Override
	public void stop() {
		if (this.state == State.RUNNING) {
			this.state = State.STOPPED;
			this.server.stop();
		}
	}

	@Override
	public boolean isRunning() {
		return this.state == State.RUNNING;
	}

	@Override
	public boolean isAutoStartup() {
		return this.autoStartup;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	/** The port the server listens on, or -1 when it does not run. */
	public int getPort() {
		return isRunning() ? this.port : -1;
	}

	private enum State {

		NEW, RUNNING, STOPPED

	}

	/** NIO says so with a {@link BindException}; epoll and io_uring with the error number of Linux's {@code bind}. */
	private static boolean isPortInUse(Throwable cause) {
		return cause instanceof BindException
				|| (cause instanceof NativeIoException nativeCause && Math.abs(nativeCause.expectedErr()) == EADDRINUSE);
	}

}
