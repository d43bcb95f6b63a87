package dev.socketioredis.pubsub;

import java.time.Duration;

import dev.socketioredis.adapter.AdapterObserver;
import dev.socketioredis.protocol.ClusterAdapterCodec;
import dev.socketioredis.protocol.ShardedChannels;
import dev.socketioredis.redis.ShardedPubSub;

/**
 * What the sharded transports of a node share.
 *
 * @param channels the shard channels of the cluster's key prefix and subscription mode
 * @param pubSub Redis sharded pub/sub
 * @param codec the {@code ClusterAdapter} message codec
 * @param redisRetryDelay how long to wait before subscribing again when Redis refused (it was away)
 * @param observer told of traffic, for metrics
 */
public record ShardedSettings(ShardedChannels channels, ShardedPubSub pubSub, ClusterAdapterCodec codec,
		Duration redisRetryDelay, AdapterObserver observer) {
}
