package dev.socketioredis.adapter;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which local sockets are in which room of one namespace, kept from netty-socketio's join and leave notifications to
 * tell when a room is created or deleted on this node. netty-socketio keeps its own maps; these only drive
 * {@link RoomEventListener}s and room subscriptions.
 */
final class LocalRooms {

	private final String namespace;

	private final List<RoomEventListener> listeners;

	private final Map<String, Set<String>> members = new ConcurrentHashMap<>();

	LocalRooms(String namespace, List<RoomEventListener> listeners) {
		this.namespace = namespace;
		this.listeners = listeners;
	}

	void join(String room, String socketId) {
		boolean[] created = new boolean[1];
		boolean[] joined = new boolean[1];
		this.members.compute(room, (name, sockets) -> {
			Set<String> updated = (sockets != null) ? sockets : ConcurrentHashMap.newKeySet();
			created[0] = sockets == null;
			joined[0] = updated.add(socketId);
			return updated;
		});
		if (created[0]) {
			this.listeners.forEach((listener) -> listener.roomCreated(this.namespace, room));
		}
		if (joined[0]) {
			this.listeners.forEach((listener) -> listener.joined(this.namespace, room, socketId));
		}
	}

	void leave(String room, String socketId) {
		boolean[] left = new boolean[1];
		boolean[] deleted = new boolean[1];
		this.members.computeIfPresent(room, (name, sockets) -> {
			left[0] = sockets.remove(socketId);
			deleted[0] = sockets.isEmpty();
			return deleted[0] ? null : sockets;
		});
		if (left[0]) {
			this.listeners.forEach((listener) -> listener.left(this.namespace, room, socketId));
		}
		if (deleted[0]) {
			this.listeners.forEach((listener) -> listener.roomDeleted(this.namespace, room));
		}
	}

}
