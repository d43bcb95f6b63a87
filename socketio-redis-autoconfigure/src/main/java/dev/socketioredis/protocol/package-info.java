/**
 * The wire format of {@code @socket.io/redis-adapter} and {@code @socket.io/redis-emitter}: channel names, message
 * records and their msgpack codec. Knows nothing of Spring or netty-socketio.
 */
@NullMarked
package dev.socketioredis.protocol;

import org.jspecify.annotations.NullMarked;
