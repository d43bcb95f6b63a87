package dev.socketioredis.pubsub;

import java.util.concurrent.ScheduledExecutorService;

import dev.socketioredis.adapter.ClusterTransport;

/**
 * Makes the {@link ShardedTransport} of each namespace; their room subscriptions share one thread, off the Netty
 * event loops.
 */
public class ShardedTransports implements ClusterTransport.Factory {

	private final ShardedSettings settings;

	private final ScheduledExecutorService roomSubscriber = RoomChannelSubscriptions.newWorker();

	public ShardedTransports(ShardedSettings settings) {
		this.settings = settings;
	}

	@Override
	public ClusterTransport create(String namespace, String uid) {
		return new ShardedTransport(namespace, uid, this.settings, this.roomSubscriber);
	}

	@Override
	public void close() {
		this.roomSubscriber.shutdown();
	}

}
