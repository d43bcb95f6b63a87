package dev.socketioredis.server;

import java.util.concurrent.TimeUnit;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;

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

	private final EventLoopGroup group;

	/**
	 * @param threads how many event loops
	 */
	public SocketIoEventLoops(int threads) {
		if (threads < 1) {
			throw new IllegalArgumentException("A node needs at least one event loop, got " + threads);
		}
		this.group = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("socketio-loop"),
				NioIoHandler.newFactory());
	}

	public EventLoopGroup group() {
		return this.group;
	}

	/** Closes what still runs on them: nothing, once the server and the Redis client are closed. */
	@Override
	public void destroy() {
		this.group.shutdownGracefully(0, 5, TimeUnit.SECONDS).awaitUninterruptibly();
	}

}
