package dev.socketioredis.adapter;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import dev.socketioredis.protocol.ChannelNames;
import dev.socketioredis.redis.RedisPubSub;

/**
 * Channel multiplexing: a {@code SUBSCRIBE} to the channel of each room that has a local member, made when the room
 * is created and dropped when it is deleted, so that a node receives no traffic for rooms it does not host. Done on
 * one background thread, in order, because subscribing waits for Redis and rooms change on Netty event loops.
 */
final class RoomChannelSubscriptions implements RoomEventListener {

	private final ChannelNames channels;

	private final RedisPubSub pubSub;

	private final RedisPubSub.MessageHandler handler;

	private final Executor subscriber;

	private final Map<String, RedisPubSub.Subscription> subscriptions = new ConcurrentHashMap<>();

	RoomChannelSubscriptions(ChannelNames channels, RedisPubSub pubSub, RedisPubSub.MessageHandler handler,
			Executor subscriber) {
		this.channels = channels;
		this.pubSub = pubSub;
		this.handler = handler;
		this.subscriber = subscriber;
	}

	@Override
	public void roomCreated(String namespace, String room) {
		this.subscriber.execute(() -> this.subscriptions.computeIfAbsent(room,
				(name) -> this.pubSub.subscribe(this.channels.room(namespace, name), this.handler)));
	}

	@Override
	public void roomDeleted(String namespace, String room) {
		this.subscriber.execute(() -> {
			RedisPubSub.Subscription subscription = this.subscriptions.remove(room);
			if (subscription != null) {
				subscription.close();
			}
		});
	}

	void closeAll() {
		this.subscriptions.values().forEach(RedisPubSub.Subscription::close);
		this.subscriptions.clear();
	}

}
