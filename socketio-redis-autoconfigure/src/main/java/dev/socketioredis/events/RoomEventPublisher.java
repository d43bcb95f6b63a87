package dev.socketioredis.events;

import dev.socketioredis.adapter.RoomEventListener;
import dev.socketioredis.events.SocketIoRoomEvent.Type;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Publishes the adapter's room events as {@link SocketIoRoomEvent}s.
 */
public class RoomEventPublisher implements RoomEventListener {

	private final ApplicationEventPublisher publisher;

	public RoomEventPublisher(ApplicationEventPublisher publisher) {
		this.publisher = publisher;
	}

	@Override
	public void roomCreated(String namespace, String room) {
		publish(Type.CREATE_ROOM, namespace, room, null);
	}

	@Override
	public void roomDeleted(String namespace, String room) {
		publish(Type.DELETE_ROOM, namespace, room, null);
	}

	@Override
	public void joined(String namespace, String room, String socketId) {
		publish(Type.JOIN_ROOM, namespace, room, socketId);
	}

	@Override
	public void left(String namespace, String room, String socketId) {
		publish(Type.LEAVE_ROOM, namespace, room, socketId);
	}

	private void publish(Type type, String namespace, String room, String socketId) {
		this.publisher.publishEvent(new SocketIoRoomEvent(this, type, namespace, room, socketId));
	}

}
