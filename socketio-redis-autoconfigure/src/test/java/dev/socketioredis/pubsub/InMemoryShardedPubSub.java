package dev.socketioredis.pubsub;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.socketioredis.redis.RedisPubSub;
import dev.socketioredis.redis.ShardedPubSub;

/**
 * Sharded pub/sub in memory, for the unit tests of the sharded transport: it delivers what is published to the
 * handlers of the channel, and records what was published and subscribed.
 */
final class InMemoryShardedPubSub implements ShardedPubSub {

	final List<Published> published = new CopyOnWriteArrayList<>();

	final Map<String, RedisPubSub.MessageHandler> subscribed = new ConcurrentHashMap<>();

	record Published(String channel, byte[] message) {
	}

	@Override
	public CompletableFuture<Long> publish(String shardChannel, byte[] message) {
		this.published.add(new Published(shardChannel, message));
		deliver(shardChannel, message);
		return CompletableFuture.completedFuture(1L);
	}

	/** Hands a message to the channel's subscriber, as Redis would. */
	void deliver(String channel, byte[] message) {
		RedisPubSub.MessageHandler handler = this.subscribed.get(channel);
		if (handler != null) {
			handler.onMessage(channel, message);
		}
	}

	@Override
	public RedisPubSub.ChannelSet channelSet(RedisPubSub.MessageHandler handler) {
		return new RedisPubSub.ChannelSet() {

			@Override
			public void subscribe(Collection<String> channels) {
				channels.forEach((channel) -> InMemoryShardedPubSub.this.subscribed.put(channel, handler));
			}

			@Override
			public void unsubscribe(Collection<String> channels) {
				channels.forEach(InMemoryShardedPubSub.this.subscribed::remove);
			}

		};
	}

	@Override
	public CompletableFuture<Long> countSubscribers(String shardChannel) {
		return CompletableFuture.completedFuture(this.subscribed.containsKey(shardChannel) ? 1L : 0L);
	}

}
