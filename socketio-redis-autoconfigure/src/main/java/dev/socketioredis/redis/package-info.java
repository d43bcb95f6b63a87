/**
 * The small Redis port the cluster transports and the emitter need (publish, subscribe, count subscribers), free of
 * any client library; {@code springdata} implements it.
 */
@NullMarked
package dev.socketioredis.redis;

import org.jspecify.annotations.NullMarked;
