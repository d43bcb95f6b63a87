package dev.socketioredis.protocol;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An answer to a {@link ClassicRequest}, as published on a namespace's {@link ChannelNames#response response
 * channel} (the common one, or the requester's own). Written and read by {@link ClassicCodec}.
 */
public sealed interface ClassicResponse {

	String requestId();

	/** To {@link ClassicRequest.SocketIds}: socket ids. Written only: nobody asks any more. */
	record SocketIds(String requestId, List<String> sockets) implements ClassicResponse {
	}

	/** To {@link ClassicRequest.AllRooms}. */
	record Rooms(String requestId, List<Room> rooms) implements ClassicResponse {
	}

	/** To {@link ClassicRequest.FetchSockets}. */
	record Sockets(String requestId, List<SocketDescription> sockets) implements ClassicResponse {
	}

	/** One node's acknowledgement of a {@link ClassicRequest.ServerSideEmit} (its listener's first argument). */
	record ServerSideEmitAck(String requestId, @Nullable Object data) implements ClassicResponse {
	}

	/** How many clients a node sent a {@link ClassicRequest.BroadcastWithAck} to. */
	record ClientCount(String requestId, int clientCount) implements ClassicResponse {
	}

	/** One client's acknowledgement of a {@link ClassicRequest.BroadcastWithAck} (its first argument). */
	record ClientAck(String requestId, @Nullable Object packet) implements ClassicResponse {
	}

	/** An answer with nothing but the request id: the {@code sid} form of joins, leaves and disconnects. */
	record Done(String requestId) implements ClassicResponse {
	}

}
