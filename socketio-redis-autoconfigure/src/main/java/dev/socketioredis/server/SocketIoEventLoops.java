package dev.socketioredis.server;

import java.util.concurrent.TimeUnit;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;

/**
 * The event loops of a node: the Socket.IO server's connections run on them, and so do the adapter's Redis
 * connections, as a Node server runs both on its one event loop. A message from Redis is then written to the clients
 * of its loop on the thread that read it, instead of waking another thread for each delivery (in the benchmark's
 * {@code many-rooms}, less than half the CPU per delivery; see {@code docs/performance.md}).
 *
 * <p>
 * They belong to neither: they outlive the server, which cannot be started again once stopped, and the Redis client,
 * and are shut down last.
 */
public final class SocketIoEventLoops implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(SocketIoEventLoops.class);

	private final EventLoopGroup group;

	private final NodeTransport transport;

	/**
	 * @param threads how many event loops
	 * @param transport how they do their I/O
	 */
	public SocketIoEventLoops(int threads, NodeTransport transport) {
		if (threads < 1) {
			throw new IllegalArgumentException("A node needs at least one event loop, got " + threads);
		}
		this.group = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("socketio-loop"),
				transport.ioHandlerFactory());
		this.transport = transport;
		logger.info("{} event loop(s) for the Socket.IO server's connections: {}", threads, transport);
	}

	public EventLoopGroup group() {
		return this.group;
	}

	/** The only kind of channel the loops run. */
	public NodeTransport transport() {
		return this.transport;
	}

	/** Closes what still runs on them: nothing, once the server and the Redis client are closed. */
	@Override
	public void destroy() {
		this.group.shutdownGracefully(0, 5, TimeUnit.SECONDS).awaitUninterruptibly();
	}

}
