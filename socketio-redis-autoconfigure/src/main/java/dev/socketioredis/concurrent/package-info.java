/**
 * Futures of the adapter and the emitter that refuse to be waited for on a Netty event loop.
 */
@NullMarked
package dev.socketioredis.concurrent;

import org.jspecify.annotations.NullMarked;
