package dev.socketioredis.adapter;

import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Receives the events other nodes (Java or Node) and emitters send with {@code serverSideEmit}. As a Spring bean it is
 * registered on its namespace's adapter; {@link NamespaceAdapter#onServerSideEmit} registers one by hand. Called on
 * the thread that read the event from Redis (one of the node's event loops, which also carry its clients), in the
 * order the events came: keep it short, and never wait there for Redis (its answer would be read by that same thread);
 * hand longer work to an executor.
 */
public interface ServerSideEventListener {

	/** The event name. */
	String event();

	/** The namespace, {@code /} unless overridden. */
	default String namespace() {
		return "/";
	}

	/**
	 * @param args the event's arguments
	 * @return the acknowledgement sent back when the sender asked for one ({@code serverSideEmitWithAck})
	 */
	@Nullable Object onEvent(List<@Nullable Object> args);

	/** A listener for the default namespace. */
	static ServerSideEventListener of(String event, Function<List<@Nullable Object>, @Nullable Object> handler) {
		return new ServerSideEventListener() {

			@Override
			public String event() {
				return event;
			}

			@Override
			public @Nullable Object onEvent(List<@Nullable Object> args) {
				return handler.apply(args);
			}

		};
	}

}
