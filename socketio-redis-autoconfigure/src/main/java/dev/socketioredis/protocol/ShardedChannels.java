package dev.socketioredis.protocol;

import java.util.List;

/**
 * The shard channels of Node's sharded adapter ({@code createShardedAdapter} of {@code @socket.io/redis-adapter}) for
 * one key prefix and subscription mode: every message on {@code key#nsp#}, answers on the requester's
 * {@code key#nsp#uid#}, and, with a dynamic mode, a broadcast to exactly one room on {@code key#nsp#room#}.
 *
 * @param names the channel names of the cluster's key prefix
 * @param mode which rooms get a channel of their own
 */
public record ShardedChannels(ChannelNames names, SubscriptionMode mode) {

	/** Node tells a socket's own room from others by the length of Socket.IO's ids. */
	private static final int NODE_SOCKET_ID_LENGTH = 20;

	/** {@code key#nsp#}: every message of the namespace but answers and broadcasts to a room with a channel. */
	public String namespace(String namespace) {
		return this.names.broadcast(namespace);
	}

	/** {@code key#nsp#uid#}: the answers to one node's requests. */
	public String responses(String namespace, String uid) {
		return this.names.room(namespace, uid);
	}

	/** {@code key#nsp#room#}. */
	public String room(String namespace, String room) {
		return this.names.room(namespace, room);
	}

	/**
	 * The channel a message goes on, as Node decides: a broadcast without acknowledgements to exactly one room with a
	 * channel of its own goes on that room's channel (a broadcast with acknowledgements must reach every node, which
	 * all report their client count), every other message on the namespace's.
	 */
	public String channelFor(ClusterAdapterMessage message) {
		if (message instanceof ClusterAdapterMessage.Broadcast broadcast && broadcast.requestId() == null) {
			List<Room> rooms = broadcast.options().rooms();
			if (rooms.size() == 1 && hasChannel(rooms.get(0))) {
				return room(message.nsp(), rooms.get(0).name());
			}
		}
		return namespace(message.nsp());
	}

	/**
	 * Whether broadcasts to this room alone travel on the room's own channel, so whether a node with a member must
	 * subscribe to it.
	 */
	public boolean hasChannel(Room room) {
		return switch (this.mode) {
			case STATIC -> false;
			case DYNAMIC -> room.numeric() || room.name().length() != NODE_SOCKET_ID_LENGTH;
			case DYNAMIC_PRIVATE -> true;
		};
	}

}
