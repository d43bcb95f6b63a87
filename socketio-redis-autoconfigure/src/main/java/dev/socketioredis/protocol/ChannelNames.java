package dev.socketioredis.protocol;

import java.util.List;
import java.util.Optional;

/**
 * Redis channel names of the Node adapter for one key prefix ({@code key} option, default {@code socket.io}).
 * Namespaces are given in their Socket.IO form ({@code /}, {@code /admin}).
 *
 * @param key the key prefix shared by every node of the cluster
 */
public record ChannelNames(String key) {

	public static final String DEFAULT_KEY = "socket.io";

	public ChannelNames {
		if (key.isEmpty() || key.indexOf('#') >= 0) {
			throw new IllegalArgumentException("Key prefix must be non-empty and must not contain '#': '" + key + "'");
		}
	}

	/** {@code key#nsp#}: broadcasts to the whole namespace or to several rooms. */
	public String broadcast(String namespace) {
		return this.key + "#" + namespace + "#";
	}

	/** {@code key#nsp#room#}: broadcasts to exactly one room. */
	public String room(String namespace, String room) {
		return broadcast(namespace) + room + "#";
	}

	/** {@code key#nsp#*}: matches {@link #broadcast} and every {@link #room} channel of the namespace. */
	public String broadcastPattern(String namespace) {
		return broadcast(namespace) + "*";
	}

	/** {@code key-request#nsp#}. */
	public String request(String namespace) {
		return this.key + "-request#" + namespace + "#";
	}

	/** {@code key-response#nsp#}: the common response channel. */
	public String response(String namespace) {
		return this.key + "-response#" + namespace + "#";
	}

	/** {@code key-response#nsp#uid#}: the response channel of one requester. */
	public String response(String namespace, String requesterUid) {
		return response(namespace) + requesterUid + "#";
	}

	/**
	 * The channel a broadcast is published on: the room channel when it targets exactly one room (except rooms play no
	 * part), else the namespace channel.
	 */
	public String channelFor(String namespace, List<Room> rooms) {
		return (rooms.size() == 1) ? room(namespace, rooms.get(0).name()) : broadcast(namespace);
	}

	/**
	 * The room a broadcast channel names, as the Node adapter reads it.
	 * @return the room, empty for the namespace channel or a channel of another namespace
	 */
	public Optional<String> roomOf(String namespace, String channel) {
		String prefix = broadcast(namespace);
		if (!channel.startsWith(prefix) || channel.length() <= prefix.length() || !channel.endsWith("#")) {
			return Optional.empty();
		}
		return Optional.of(channel.substring(prefix.length(), channel.length() - 1));
	}

}
