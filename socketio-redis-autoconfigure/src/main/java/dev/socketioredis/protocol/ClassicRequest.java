package dev.socketioredis.protocol;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A request of the classic adapter ({@code @socket.io/redis-adapter}'s {@code createAdapter}) and of the emitter, as
 * published on a namespace's {@link ChannelNames#request request channel}. Written and read by {@link ClassicCodec}.
 */
public sealed interface ClassicRequest {

	/** The requesting adapter's uid; the emitter sends none with joins, leaves and disconnects. */
	@Nullable String uid();

	/** Type 0: the ids of the sockets in some rooms. Node adapters 8.x no longer ask, but still answer. */
	record SocketIds(@Nullable String uid, String requestId, List<Room> rooms) implements ClassicRequest {
	}

	/** Type 1: every room with a member. */
	record AllRooms(@Nullable String uid, String requestId) implements ClassicRequest {
	}

	/**
	 * Type 2: the targeted sockets join rooms.
	 * @param requestId asks for an answer: only the {@code sid} form of adapters before 6.1 does
	 */
	record SocketsJoin(@Nullable String uid, BroadcastOptions options, List<String> rooms,
			@Nullable String requestId) implements ClassicRequest {
	}

	/** Type 3: the targeted sockets leave rooms. */
	record SocketsLeave(@Nullable String uid, BroadcastOptions options, List<String> rooms,
			@Nullable String requestId) implements ClassicRequest {
	}

	/** Type 4: the targeted sockets are disconnected, their whole connection closed when {@code close}. */
	record DisconnectSockets(@Nullable String uid, BroadcastOptions options, boolean close,
			@Nullable String requestId) implements ClassicRequest {
	}

	/** Type 5: the targeted sockets, described. */
	record FetchSockets(@Nullable String uid, String requestId, BroadcastOptions options) implements ClassicRequest {
	}

	/**
	 * Type 6: an event for the server-side listeners of every node.
	 * @param requestId present when the sender waits for acknowledgements
	 * @param data the event name followed by its arguments
	 */
	record ServerSideEmit(@Nullable String uid, @Nullable String requestId, List<@Nullable Object> data)
			implements ClassicRequest {

		/** The event name, unless the sender sent none. */
		public Optional<String> event() {
			return (!this.data.isEmpty() && this.data.get(0) instanceof String event) ? Optional.of(event)
					: Optional.empty();
		}

		public List<@Nullable Object> args() {
			return this.data.isEmpty() ? List.of() : this.data.subList(1, this.data.size());
		}

	}

	/** Type 7: a broadcast whose clients acknowledge; the options carry the acknowledgement timeout. */
	record BroadcastWithAck(@Nullable String uid, String requestId, BroadcastPacket packet, BroadcastOptions options)
			implements ClassicRequest {
	}

}
