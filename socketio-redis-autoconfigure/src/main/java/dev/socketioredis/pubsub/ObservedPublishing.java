package dev.socketioredis.pubsub;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import dev.socketioredis.adapter.AdapterObserver;
import dev.socketioredis.adapter.AdapterObserver.MessageKind;

/**
 * Publishes one namespace's messages, telling the observer of each and of each failure, and logging when publishing
 * starts to fail and when it works again.
 */
final class ObservedPublishing {

	private final String namespace;

	private final AdapterObserver observer;

	private final RedisFailureLog failures;

	ObservedPublishing(String namespace, AdapterObserver observer) {
		this.namespace = namespace;
		this.observer = observer;
		this.failures = RedisFailureLog.publishing(namespace);
	}

	/**
	 * @param send publishes the message, completing with the number of receivers
	 * @return fails with Redis' failure
	 */
	CompletableFuture<Void> publish(MessageKind kind, byte[] message,
			Function<byte[], CompletableFuture<Long>> send) {
		this.observer.published(this.namespace, kind, message.length);
		return send.apply(message).handle((receivers, failure) -> {
			if (failure != null) {
				this.observer.publishFailed(this.namespace, kind);
				this.failures.failed(failure);
				throw (failure instanceof RuntimeException ex) ? ex : new IllegalStateException(failure);
			}
			this.failures.succeeded();
			return null;
		});
	}

}
