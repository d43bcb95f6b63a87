package dev.socketioredis.adapter;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.socketioredis.protocol.BroadcastMessage;
import dev.socketioredis.protocol.ClassicRequest;
import dev.socketioredis.protocol.ClassicResponse;
import org.jspecify.annotations.Nullable;

/**
 * How the engine of one namespace reaches the other nodes: the port a cluster transport (Redis pub/sub, sharded pub/sub,
 * an in-memory bus in tests) implements. It speaks the engine's typed messages; the wire format, the channels and the
 * subscriptions are its own. Publishing never blocks.
 */
public interface ClusterTransport {

	/**
	 * Subscribes and starts handing the messages of other nodes, emitters and this node's own echoes to the listener,
	 * one at a time, in order.
	 */
	void start(Listener listener);

	CompletableFuture<Void> publish(BroadcastMessage broadcast);

	CompletableFuture<Void> publish(ClassicRequest request);

	/**
	 * Answers a request.
	 * @param requesterUid the requester, {@code null} when it sent none; the transport decides whether the answer
	 * goes to it alone or to everyone listening
	 */
	CompletableFuture<Void> publish(@Nullable String requesterUid, ClassicResponse response);

	/**
	 * Whether the other nodes answer {@link ClassicRequest.AllRooms}: Node's sharded adapter has no such message, so
	 * the engine asks for every socket (with its rooms) instead.
	 */
	default boolean carriesAllRooms() {
		return true;
	}

	/** How many nodes receive this namespace's requests, this one included. */
	CompletableFuture<Long> countNodes();

	/** Whether this node is subscribed, as the transport can tell. */
	CompletableFuture<Boolean> isSubscribed();

	/** A room got its first local member: broadcasts to it must reach this node from now on. */
	void roomCreated(String room);

	/** A room lost its last local member. */
	void roomDeleted(String room);

	/** Completes once broadcasts to these rooms (with a local member) reach this node. */
	CompletableFuture<Void> whenReceiving(List<String> rooms);

	/** Broadcasts received for the namespace, this node's own echoes and those skipped unread included. */
	long receivedMessages();

	/** Rooms with a local member whose broadcasts may not reach this node yet. */
	int pendingRooms();

	/** Unsubscribes, as far as the other side can be reached; fails waiting joins. */
	void close();

	/** Receives the messages of the namespace, decoded. */
	interface Listener {

		void onBroadcast(BroadcastMessage broadcast);

		void onRequest(ClassicRequest request);

		void onResponse(ClassicResponse response);

		/**
		 * A message that could not be read ({@code cause}), or that was of no type the engine knows.
		 * @param what what it was, for the logs
		 */
		void onUnreadable(AdapterObserver.MessageKind kind, String what, @Nullable Exception cause);

		/** Whether a room has a local member: a transport may skip the messages of the others unread. */
		boolean hostsRoom(String room);

	}

	/** Makes the transport of each namespace. */
	@FunctionalInterface
	interface Factory {

		/**
		 * @param namespace the namespace, in its Socket.IO form
		 * @param uid the uid the namespace's engine publishes with
		 */
		ClusterTransport create(String namespace, String uid);

		/** Releases what the transports shared (threads), once every transport was closed. */
		default void close() {
		}

	}

}
