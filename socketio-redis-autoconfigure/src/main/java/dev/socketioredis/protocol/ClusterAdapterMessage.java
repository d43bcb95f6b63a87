package dev.socketioredis.protocol;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A message of {@code socket.io-adapter}'s {@code ClusterAdapter} (2.5), the format of the sharded Redis adapter
 * ({@code createShardedAdapter}) and of the other adapters built on it: {@code {type, data, uid, nsp}}, requests and
 * responses alike. Written and read by {@link ClusterAdapterCodec}.
 */
public sealed interface ClusterAdapterMessage {

	/** The sending adapter's uid ({@code emitter} for an emitter). */
	String uid();

	/** The namespace, in its Socket.IO form. */
	String nsp();

	/** Type 1: an adapter started and asks the others to answer with a heartbeat. */
	record InitialHeartbeat(String uid, String nsp) implements ClusterAdapterMessage {
	}

	/** Type 2: an adapter is alive. */
	record Heartbeat(String uid, String nsp) implements ClusterAdapterMessage {
	}

	/**
	 * Type 3: a broadcast.
	 * @param requestId present when the sender waits for the clients' acknowledgements
	 */
	record Broadcast(String uid, String nsp, BroadcastPacket packet, BroadcastOptions options,
			@Nullable String requestId) implements ClusterAdapterMessage {
	}

	/** Type 4: the targeted sockets join rooms. */
	record SocketsJoin(String uid, String nsp, BroadcastOptions options, List<String> rooms)
			implements ClusterAdapterMessage {
	}

	/** Type 5: the targeted sockets leave rooms. */
	record SocketsLeave(String uid, String nsp, BroadcastOptions options, List<String> rooms)
			implements ClusterAdapterMessage {
	}

	/** Type 6: the targeted sockets are disconnected, their whole connection closed when {@code close}. */
	record DisconnectSockets(String uid, String nsp, BroadcastOptions options, boolean close)
			implements ClusterAdapterMessage {
	}

	/** Type 7: the targeted sockets, described. */
	record FetchSockets(String uid, String nsp, BroadcastOptions options, String requestId)
			implements ClusterAdapterMessage {
	}

	/** Type 8: one node's answer to {@link FetchSockets}. */
	record FetchSocketsResponse(String uid, String nsp, String requestId, List<SocketDescription> sockets)
			implements ClusterAdapterMessage {
	}

	/**
	 * Type 9: an event for the server-side listeners of every node.
	 * @param requestId present when the sender waits for acknowledgements
	 * @param packet the event name followed by its arguments
	 */
	record ServerSideEmit(String uid, String nsp, @Nullable String requestId, List<@Nullable Object> packet)
			implements ClusterAdapterMessage {
	}

	/** Type 10: one node's acknowledgement of a {@link ServerSideEmit} (its listener's first argument). */
	record ServerSideEmitResponse(String uid, String nsp, String requestId, @Nullable Object packet)
			implements ClusterAdapterMessage {
	}

	/** Type 11: how many clients a node sent a {@link Broadcast} with acknowledgements to. */
	record BroadcastClientCount(String uid, String nsp, String requestId, int clientCount)
			implements ClusterAdapterMessage {
	}

	/** Type 12: one client's acknowledgement of a {@link Broadcast} (its first argument). */
	record BroadcastAck(String uid, String nsp, String requestId, @Nullable Object packet)
			implements ClusterAdapterMessage {
	}

	/** Type 13: an adapter is closing. */
	record AdapterClose(String uid, String nsp) implements ClusterAdapterMessage {
	}

}
