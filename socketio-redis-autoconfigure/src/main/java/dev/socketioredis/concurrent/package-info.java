/**
 * Futures of the adapter and the emitter that refuse to be waited for on a Netty event loop, and a timer whose
 * timeouts run on event loops.
 */
@NullMarked
package dev.socketioredis.concurrent;

import org.jspecify.annotations.NullMarked;
