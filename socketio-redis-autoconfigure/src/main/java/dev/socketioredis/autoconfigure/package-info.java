/**
 * Auto-configuration of the Socket.IO server, the Redis cluster adapter and the emitter: properties and bean wiring
 * only.
 */
@NullMarked
package dev.socketioredis.autoconfigure;

import org.jspecify.annotations.NullMarked;
