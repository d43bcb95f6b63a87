package dev.socketioredis.redis;

import java.util.Collection;
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

	/**
	 * A set of channels with one handler, changed in batches: one {@code SUBSCRIBE} or {@code UNSUBSCRIBE} for any
	 * number of channels. Starts empty.
	 */
	ChannelSet channelSet(MessageHandler handler);

	/** {@code PUBSUB NUMSUB channel}: how many clients {@code SUBSCRIBE} to it (pattern subscribers do not count). */
	CompletableFuture<Long> countSubscribers(String channel);

	/** Receives the messages of a subscription. */
	@FunctionalInterface
	interface MessageHandler {

		void onMessage(String channel, byte[] message);

	}

	/** Channels subscribed and unsubscribed together; one thread at a time. */
	interface ChannelSet {

		/**
		 * {@code SUBSCRIBE}s to the channels in one command; returns once Redis confirmed them all.
		 * @throws RuntimeException when Redis cannot be reached; call again with the same channels once it can
		 */
		void subscribe(Collection<String> channels);

		/**
		 * {@code UNSUBSCRIBE}s from the channels in one command.
		 * @throws RuntimeException when Redis cannot be reached; the channels stay in the set, call again
		 */
		void unsubscribe(Collection<String> channels);

	}

	/** An active subscription; closing it unsubscribes. */
	interface Subscription extends AutoCloseable {

		@Override
		void close();

	}

}
