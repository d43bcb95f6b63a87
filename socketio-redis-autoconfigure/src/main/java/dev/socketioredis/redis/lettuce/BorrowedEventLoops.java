package dev.socketioredis.redis.lettuce;

import java.util.concurrent.TimeUnit;

import io.lettuce.core.resource.EventLoopGroupProvider;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ImmediateEventExecutor;

/**
 * Event loops Lettuce's connections run on without owning them (the node's, which the Socket.IO server's connections
 * share): every connection gets one of them, and Lettuce never shuts them down, their owner does.
 */
public final class BorrowedEventLoops implements EventLoopGroupProvider {

	private final EventLoopGroup loops;

	public BorrowedEventLoops(EventLoopGroup loops) {
		this.loops = loops;
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T extends EventLoopGroup> T allocate(Class<T> type) {
		if (!type.isInstance(this.loops)) {
			throw new IllegalStateException("Lettuce asks for event loops of " + type.getName() + ", the node's are "
					+ this.loops.getClass().getName());
		}
		return (T) this.loops;
	}

	@Override
	public int threadPoolSize() {
		int loops = 0;
		for (var loop : this.loops) {
			loops++;
		}
		return loops;
	}

	@Override
	public Future<Boolean> release(EventExecutorGroup eventLoopGroup, long quietPeriod, long timeout, TimeUnit unit) {
		return ImmediateEventExecutor.INSTANCE.newSucceededFuture(true);
	}

	@Override
	public Future<Boolean> shutdown(long quietPeriod, long timeout, TimeUnit timeUnit) {
		return ImmediateEventExecutor.INSTANCE.newSucceededFuture(true);
	}

}
