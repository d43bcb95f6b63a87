package dev.socketioredis.redis;

import java.util.concurrent.CompletableFuture;

/**
 * Redis 7 sharded pub/sub, what the sharded transport and the sharded emitter need: each shard channel lives on the
 * node that owns its slot, on a Redis Cluster as on a standalone Redis. Implementations keep every subscription on
 * the channel's current owner (after a failover or a slot migration too), deliver the messages of one channel in the
 * order Redis sends them, and never block the caller of {@link #publish}.
 */
public interface ShardedPubSub {

	/**
	 * {@code SPUBLISH}es without blocking.
	 * @return completes with the number of receiving clients, or exceptionally when the channel's shard cannot be
	 * reached
	 */
	CompletableFuture<Long> publish(String shardChannel, byte[] message);

	/**
	 * A set of shard channels with one handler, {@code SSUBSCRIBE}d and {@code SUNSUBSCRIBE}d in batches. Starts
	 * empty.
	 */
	RedisPubSub.ChannelSet channelSet(RedisPubSub.MessageHandler handler);

	/** {@code PUBSUB SHARDNUMSUB channel}, asked of the channel's shard. */
	CompletableFuture<Long> countSubscribers(String shardChannel);

}
