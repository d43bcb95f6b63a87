/**
 * The classic Redis pub/sub transport of the cluster adapter: the channels and messages of
 * {@code @socket.io/redis-adapter}'s {@code createAdapter}, on the Redis port.
 */
@NullMarked
package dev.socketioredis.pubsub;

import org.jspecify.annotations.NullMarked;
