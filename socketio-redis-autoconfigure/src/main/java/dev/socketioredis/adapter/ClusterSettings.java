package dev.socketioredis.adapter;

import java.util.List;

import dev.socketioredis.protocol.BroadcastCodec;
import dev.socketioredis.protocol.ChannelNames;
import dev.socketioredis.redis.RedisPubSub;

/**
 * What every namespace adapter of a node shares.
 *
 * @param channels the channel names of the cluster's key prefix
 * @param pubSub Redis
 * @param codec the broadcast codec
 * @param channelMultiplexing whether to subscribe to the channel of each room with a local member rather than to
 * the namespace's pattern
 * @param roomEventListeners notified of room changes of local sockets
 */
public record ClusterSettings(ChannelNames channels, RedisPubSub pubSub, BroadcastCodec codec,
		boolean channelMultiplexing, List<RoomEventListener> roomEventListeners) {

	public ClusterSettings {
		roomEventListeners = List.copyOf(roomEventListeners);
	}

}
