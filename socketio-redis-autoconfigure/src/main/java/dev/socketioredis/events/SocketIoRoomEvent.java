package dev.socketioredis.events;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEvent;

/**
 * Socket.IO's adapter events for the local sockets of a namespace, as Spring application events: listen with
 * {@code @EventListener}. Published on the thread that changed the room, often a Netty event loop: keep listeners
 * short.
 */
public class SocketIoRoomEvent extends ApplicationEvent {

	private final Type type;

	private final String namespace;

	private final String room;

	private final @Nullable String socketId;

	public SocketIoRoomEvent(Object source, Type type, String namespace, String room, @Nullable String socketId) {
		super(source);
		this.type = type;
		this.namespace = namespace;
		this.room = room;
		this.socketId = socketId;
	}

	public Type getType() {
		return this.type;
	}

	/** The namespace, {@code /} for the default one. */
	public String getNamespace() {
		return this.namespace;
	}

	public String getRoom() {
		return this.room;
	}

	/** The socket that joined or left; {@code null} for {@link Type#CREATE_ROOM} and {@link Type#DELETE_ROOM}. */
	public @Nullable String getSocketId() {
		return this.socketId;
	}

	@Override
	public String toString() {
		return this.type.eventName() + " " + this.namespace + " " + this.room
				+ ((this.socketId != null) ? " " + this.socketId : "");
	}

	/** The four adapter events of Socket.IO. */
	public enum Type {

		CREATE_ROOM("create-room"), DELETE_ROOM("delete-room"), JOIN_ROOM("join-room"), LEAVE_ROOM("leave-room");

		private final String eventName;

		Type(String eventName) {
			this.eventName = eventName;
		}

		/** The event's name in Socket.IO. */
		public String eventName() {
			return this.eventName;
		}

	}

}
