/**
 * The standalone emitter: publishes to a Socket.IO cluster through Redis, with or without a Socket.IO server in this
 * application, byte-compatible with {@code @socket.io/redis-emitter}.
 */
@NullMarked
package dev.socketioredis.emitter;

import org.jspecify.annotations.NullMarked;
