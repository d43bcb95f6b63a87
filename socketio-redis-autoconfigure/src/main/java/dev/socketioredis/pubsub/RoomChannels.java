package dev.socketioredis.pubsub;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What a transport does as the rooms of its namespace come and go: subscribe to a channel per room
 * ({@link RoomChannelSubscriptions}), or {@link #NONE nothing}, where one subscription carries every room.
 */
interface RoomChannels {

	/** One subscription receives the broadcasts of every room: nothing to follow, nothing to wait for. */
	RoomChannels NONE = new RoomChannels() {

		@Override
		public void roomCreated(String room) {
		}

		@Override
		public void roomDeleted(String room) {
		}

		@Override
		public CompletableFuture<Void> whenSubscribed(List<String> rooms) {
			return CompletableFuture.completedFuture(null);
		}

		@Override
		public int pending() {
			return 0;
		}

		@Override
		public void close() {
		}

	};

	void roomCreated(String room);

	void roomDeleted(String room);

	/** Completes once this node receives the broadcasts to these rooms. */
	CompletableFuture<Void> whenSubscribed(List<String> rooms);

	/** Rooms with a local member whose channel is not subscribed yet. */
	int pending();

	/** Unsubscribes from every room, if Redis can be reached. */
	void close();

}
