package dev.socketioredis.pubsub;

import java.time.Duration;

import dev.socketioredis.adapter.AdapterObserver;
import dev.socketioredis.protocol.BroadcastCodec;
import dev.socketioredis.protocol.ChannelNames;
import dev.socketioredis.protocol.ClassicCodec;
import dev.socketioredis.redis.RedisPubSub;

/**
 * What the classic pub/sub transports of a node share.
 *
 * @param channels the channel names of the cluster's key prefix
 * @param pubSub Redis
 * @param codec the broadcast codec
 * @param messageCodec the request and response codec
 * @param channelMultiplexing whether to subscribe to the channel of each room with a local member rather than to
 * the namespace's pattern
 * @param publishOnSpecificResponseChannel whether to answer a request on the requester's own response channel
 * @param redisRetryDelay how long to wait before subscribing again when Redis refused (it was away)
 * @param observer told of traffic, for metrics
 */
public record PubSubSettings(ChannelNames channels, RedisPubSub pubSub, BroadcastCodec codec,
		ClassicCodec messageCodec, boolean channelMultiplexing, boolean publishOnSpecificResponseChannel,
		Duration redisRetryDelay, AdapterObserver observer) {
}
