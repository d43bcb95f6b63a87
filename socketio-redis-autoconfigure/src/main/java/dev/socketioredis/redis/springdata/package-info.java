/**
 * The Redis port on Spring Data Redis and Lettuce: publishing through Lettuce's asynchronous commands, subscriptions
 * through an ordered listener container.
 */
@NullMarked
package dev.socketioredis.redis.springdata;

import org.jspecify.annotations.NullMarked;
