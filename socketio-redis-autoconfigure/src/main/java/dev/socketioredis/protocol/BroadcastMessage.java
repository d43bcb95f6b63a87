package dev.socketioredis.protocol;

/**
 * A broadcast as published on a {@link ChannelNames#broadcast broadcast} or {@link ChannelNames#room room} channel:
 * the msgpack array {@code [uid, packet, opts]}.
 *
 * @param uid the publishing adapter's uid, or {@link #EMITTER_UID}
 * @param packet the Socket.IO packet
 * @param options rooms, except rooms and flags
 */
public record BroadcastMessage(String uid, BroadcastPacket packet, BroadcastOptions options) {

	/** The uid every emitter publishes with. */
	public static final String EMITTER_UID = "emitter";

}
