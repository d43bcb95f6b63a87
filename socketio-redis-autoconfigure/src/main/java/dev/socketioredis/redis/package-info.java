/**
 * The small Redis port the adapter and the emitter need (publish, subscribe, count subscribers), and its
 * implementation on Spring Data Redis.
 */
@NullMarked
package dev.socketioredis.redis;

import org.jspecify.annotations.NullMarked;
