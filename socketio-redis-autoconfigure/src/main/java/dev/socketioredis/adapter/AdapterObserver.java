package dev.socketioredis.adapter;

import java.time.Duration;
import java.util.Locale;

/**
 * What the adapters tell about their traffic, for metrics. Called on hot paths (every message): implementations must
 * be cheap and must not block. {@link #NONE} when nobody observes.
 */
public interface AdapterObserver {

	AdapterObserver NONE = new AdapterObserver() {
	};

	/** A namespace adapter was created (at start, or on its namespace's first use). */
	default void adapterCreated(NamespaceMonitor adapter) {
	}

	default void published(String namespace, MessageKind kind, int bytes) {
	}

	default void publishFailed(String namespace, MessageKind kind) {
	}

	default void received(String namespace, MessageKind kind, int bytes) {
	}

	/** A message that could not be read ({@code undecodable}) or had an unknown type ({@code unknown}). */
	default void dropped(String namespace, MessageKind kind, String reason) {
	}

	/**
	 * Channel multiplexing: Redis confirmed this node's subscription to the channel of a room, this long after the room
	 * got its first local member.
	 */
	default void roomSubscribed(String namespace, Duration lag) {
	}

	/**
	 * A request of this node ended.
	 * @param type e.g. {@code fetchSockets}
	 * @param outcome {@code success}, {@code timeout} or {@code error}
	 */
	default void requestCompleted(String namespace, String type, String outcome, Duration duration) {
	}

	/** The kinds of messages on the cluster's channels. */
	enum MessageKind {

		BROADCAST, REQUEST, RESPONSE;

		private final String tag = name().toLowerCase(Locale.ROOT);

		/** The tag value: {@code broadcast}, {@code request}, {@code response}. */
		public String tag() {
			return this.tag;
		}

	}

}
