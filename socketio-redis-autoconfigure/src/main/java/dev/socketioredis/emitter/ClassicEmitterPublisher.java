package dev.socketioredis.emitter;

import java.util.concurrent.CompletableFuture;

import dev.socketioredis.protocol.BroadcastCodec;
import dev.socketioredis.protocol.BroadcastMessage;
import dev.socketioredis.protocol.ChannelNames;
import dev.socketioredis.protocol.ClassicCodec;
import dev.socketioredis.protocol.ClassicRequest;
import dev.socketioredis.redis.RedisPubSub;

/** As {@code @socket.io/redis-emitter}: broadcasts on the broadcast or room channel, requests on the request channel. */
record ClassicEmitterPublisher(RedisPubSub pubSub, ChannelNames channels, BroadcastCodec codec,
		ClassicCodec messageCodec) implements EmitterPublisher {

	@Override
	public CompletableFuture<Void> broadcast(String namespace, BroadcastMessage broadcast) {
		byte[] message = this.codec.encode(broadcast);
		return this.pubSub.publish(this.channels.channelFor(namespace, broadcast.options().rooms()), message)
			.thenApply((receivers) -> null);
	}

	@Override
	public CompletableFuture<Void> request(String namespace, ClassicRequest request) {
		return this.pubSub.publish(this.channels.request(namespace), this.messageCodec.encode(request))
			.thenApply((receivers) -> null);
	}

}
