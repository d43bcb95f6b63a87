package dev.socketioredis.adapter;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A read-only view of one namespace's adapter, for health, the actuator endpoint and meters.
 */
public interface NamespaceMonitor {

	/** The namespace, in its Socket.IO form ({@code /}, {@code /admin}). */
	String name();

	/** The uid this node publishes this namespace's messages with. */
	String uid();

	/** Sockets of this namespace connected to this node. */
	int localClients();

	/** Rooms with a member on this node, socket-id rooms included, with their sizes. */
	Map<String, Integer> localRooms();

	/** This node's requests waiting for answers. */
	int pendingRequests();

	/** Requests of other nodes that could not be read, or were of no known type. */
	long ignoredRequests();

	/** Broadcasts received for this namespace, this node's own and those dropped unread included. */
	long receivedMessages();

	/** Rooms with a local member whose broadcasts may not reach this node yet (channel multiplexing). */
	int pendingRoomSubscriptions();

	/** The nodes of the cluster, this one included. */
	CompletableFuture<Long> countNodes();

	/** Whether this node's subscriptions are in place. */
	CompletableFuture<Boolean> isSubscribed();

}
