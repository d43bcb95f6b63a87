/**
 * The small Redis ports the cluster transports and the emitter need, free of any client library: {@code RedisPubSub}
 * (publish, subscribe, count subscribers), implemented in {@code springdata}, and {@code ShardedPubSub} (Redis 7
 * sharded pub/sub), implemented in {@code lettuce}.
 */
@NullMarked
package dev.socketioredis.redis;

import org.jspecify.annotations.NullMarked;
