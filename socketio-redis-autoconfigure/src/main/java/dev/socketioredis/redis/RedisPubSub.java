package dev.socketioredis.redis;

import java.util.concurrent.CompletableFuture;

/**
 * What the cluster adapter and the emitter need from Redis. Implementations must deliver the messages of one
 * subscription in the order Redis sends them, one at a time, and must never block the caller of
 * {@link #publish}.
 */
public interface RedisPubSub {

	/**
	 * Publishes without blocking.
	 * @return completes with the number of receiving clients, or exceptionally when Redis cannot be reached
	 */
	CompletableFuture<Long> publish(String channel, byte[] message);

	/** {@code SUBSCRIBE}s to one channel; returns once Redis confirmed it. */
	Subscription subscribe(String channel, MessageHandler handler);

	/** {@code PSUBSCRIBE}s to one pattern; returns once Redis confirmed it. */
	Subscription psubscribe(String pattern, MessageHandler handler);

	/** {@code PUBSUB NUMSUB channel}: how many clients {@code SUBSCRIBE} to it (pattern subscribers do not count). */
	CompletableFuture<Long> countSubscribers(String channel);

	/** Receives the messages of a subscription. */
	@FunctionalInterface
	interface MessageHandler {

		void onMessage(String channel, byte[] message);

	}

	/** An active subscription; closing it unsubscribes. */
	interface Subscription extends AutoCloseable {

		@Override
		void close();

	}

}
