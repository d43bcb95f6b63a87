package dev.socketioredis.protocol;

import java.util.Optional;

/**
 * The request and response types of the Node adapter (6.1 and later), carried on the {@link ChannelNames#request}
 * and {@link ChannelNames#response} channels.
 */
public enum RequestType {

	/** Socket ids in some rooms; 8.x no longer asks but still answers. */
	SOCKETS(0),

	ALL_ROOMS(1),

	REMOTE_JOIN(2),

	REMOTE_LEAVE(3),

	REMOTE_DISCONNECT(4),

	REMOTE_FETCH(5),

	SERVER_SIDE_EMIT(6),

	/** A broadcast whose clients acknowledge; sent as msgpack. */
	BROADCAST(7),

	BROADCAST_CLIENT_COUNT(8),

	/** One client's acknowledgement of a {@link #BROADCAST}; sent as msgpack. */
	BROADCAST_ACK(9);

	private final int code;

	RequestType(int code) {
		this.code = code;
	}

	public int code() {
		return this.code;
	}

	public static Optional<RequestType> of(int code) {
		return (code >= 0 && code < values().length) ? Optional.of(values()[code]) : Optional.empty();
	}

}
