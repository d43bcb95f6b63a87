package dev.socketioredis.pubsub;

import java.util.concurrent.ScheduledExecutorService;

import dev.socketioredis.adapter.ClusterTransport;

/**
 * Makes the {@link PubSubTransport} of each namespace; their room subscriptions (channel multiplexing) share one
 * thread, off the Netty event loops.
 */
public class PubSubTransports implements ClusterTransport.Factory {

	private final PubSubSettings settings;

	private final ScheduledExecutorService roomSubscriber = RoomChannelSubscriptions.newWorker();

	public PubSubTransports(PubSubSettings settings) {
		this.settings = settings;
	}

	@Override
	public ClusterTransport create(String namespace, String uid) {
		return new PubSubTransport(namespace, uid, this.settings, this.roomSubscriber);
	}

	@Override
	public void close() {
		this.roomSubscriber.shutdown();
	}

}
