package dev.socketioredis.adapter;

/**
 * The adapter events of Socket.IO ({@code create-room}, {@code delete-room}, {@code join-room},
 * {@code leave-room}) for the local sockets of every namespace. Called on the thread that changed the room, which may
 * be a Netty event loop: keep it short. Every socket is in a room named by its id, and those rooms count too.
 */
public interface RoomEventListener {

	/** A room got its first local member (before {@link #joined}). */
	default void roomCreated(String namespace, String room) {
	}

	/** A room lost its last local member (after {@link #left}). */
	default void roomDeleted(String namespace, String room) {
	}

	default void joined(String namespace, String room, String socketId) {
	}

	default void left(String namespace, String room, String socketId) {
	}

}
