package dev.socketioredis.adapter;

import java.time.Duration;
import java.util.List;

import dev.socketioredis.protocol.BroadcastCodec;
import dev.socketioredis.protocol.ChannelNames;
import dev.socketioredis.protocol.ClassicCodec;
import dev.socketioredis.redis.RedisPubSub;

/**
 * What every namespace adapter of a node shares.
 *
 * @param channels the channel names of the cluster's key prefix
 * @param pubSub Redis
 * @param codec the broadcast codec
 * @param messageCodec the request and response codec
 * @param channelMultiplexing whether to subscribe to the channel of each room with a local member rather than to
 * the namespace's pattern
 * @param requestsTimeout how long a request waits for the other nodes' answers
 * @param redisRetryDelay how long to wait before subscribing again when Redis refused (it was away)
 * @param publishOnSpecificResponseChannel whether to answer a request on the requester's own response channel
 * @param roomEventListeners notified of room changes of local sockets
 * @param serverSideEventListeners registered on the adapter of their namespace
 * @param observer told of traffic, for metrics
 */
public record ClusterSettings(ChannelNames channels, RedisPubSub pubSub, BroadcastCodec codec,
		ClassicCodec messageCodec, boolean channelMultiplexing, Duration requestsTimeout, Duration redisRetryDelay,
		boolean publishOnSpecificResponseChannel, List<RoomEventListener> roomEventListeners,
		List<ServerSideEventListener> serverSideEventListeners, AdapterObserver observer) {

	public ClusterSettings {
		roomEventListeners = List.copyOf(roomEventListeners);
		serverSideEventListeners = List.copyOf(serverSideEventListeners);
	}

}
