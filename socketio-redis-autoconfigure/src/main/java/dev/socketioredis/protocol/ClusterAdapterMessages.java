package dev.socketioredis.protocol;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The engine's messages (the classic dialect's records) in the {@link ClusterAdapterMessage} dialect, for the sharded
 * transport and the sharded emitter. The two dialects say the same things but for {@code allRooms} and the socket ids
 * of the oldest adapters, which the {@code ClusterAdapter} format cannot say.
 */
public final class ClusterAdapterMessages {

	private ClusterAdapterMessages() {
	}

	public static ClusterAdapterMessage broadcast(String namespace, BroadcastMessage broadcast) {
		return new ClusterAdapterMessage.Broadcast(broadcast.uid(), namespace, broadcast.packet(), broadcast.options(),
				null);
	}

	/** @return empty for a request the format has no message for */
	public static Optional<ClusterAdapterMessage> request(String namespace, ClassicRequest request) {
		String uid = senderOf(request.uid());
		ClusterAdapterMessage message = null;
		if (request instanceof ClassicRequest.SocketsJoin join) {
			message = new ClusterAdapterMessage.SocketsJoin(uid, namespace, join.options(), join.rooms());
		}
		else if (request instanceof ClassicRequest.SocketsLeave leave) {
			message = new ClusterAdapterMessage.SocketsLeave(uid, namespace, leave.options(), leave.rooms());
		}
		else if (request instanceof ClassicRequest.DisconnectSockets disconnect) {
			message = new ClusterAdapterMessage.DisconnectSockets(uid, namespace, disconnect.options(),
					disconnect.close());
		}
		else if (request instanceof ClassicRequest.FetchSockets fetch) {
			message = new ClusterAdapterMessage.FetchSockets(uid, namespace, fetch.options(), fetch.requestId());
		}
		else if (request instanceof ClassicRequest.ServerSideEmit emit) {
			message = new ClusterAdapterMessage.ServerSideEmit(uid, namespace, emit.requestId(), emit.data());
		}
		else if (request instanceof ClassicRequest.BroadcastWithAck broadcast) {
			message = new ClusterAdapterMessage.Broadcast(uid, namespace, broadcast.packet(), broadcast.options(),
					broadcast.requestId());
		}
		return Optional.ofNullable(message);
	}

	/**
	 * @param uid the answering node's uid
	 * @return empty for an answer the format has no message for
	 */
	public static Optional<ClusterAdapterMessage> response(String uid, String namespace, ClassicResponse response) {
		ClusterAdapterMessage message = null;
		if (response instanceof ClassicResponse.Sockets sockets) {
			message = new ClusterAdapterMessage.FetchSocketsResponse(uid, namespace, sockets.requestId(),
					sockets.sockets());
		}
		else if (response instanceof ClassicResponse.ServerSideEmitAck ack) {
			message = new ClusterAdapterMessage.ServerSideEmitResponse(uid, namespace, ack.requestId(), ack.data());
		}
		else if (response instanceof ClassicResponse.ClientCount count) {
			message = new ClusterAdapterMessage.BroadcastClientCount(uid, namespace, count.requestId(),
					count.clientCount());
		}
		else if (response instanceof ClassicResponse.ClientAck ack) {
			message = new ClusterAdapterMessage.BroadcastAck(uid, namespace, ack.requestId(), ack.packet());
		}
		return Optional.ofNullable(message);
	}

	/** The classic emitter sends no uid with some requests; the {@code ClusterAdapter} format always has one. */
	private static String senderOf(@Nullable String uid) {
		return (uid != null) ? uid : BroadcastMessage.EMITTER_UID;
	}

}
