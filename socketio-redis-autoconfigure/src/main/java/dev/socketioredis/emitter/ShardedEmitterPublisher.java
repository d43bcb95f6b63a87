package dev.socketioredis.emitter;

import java.util.concurrent.CompletableFuture;

import dev.socketioredis.protocol.BroadcastMessage;
import dev.socketioredis.protocol.ClassicRequest;
import dev.socketioredis.protocol.ClusterAdapterCodec;
import dev.socketioredis.protocol.ClusterAdapterMessage;
import dev.socketioredis.protocol.ClusterAdapterMessages;
import dev.socketioredis.protocol.ShardedChannels;
import dev.socketioredis.redis.ShardedPubSub;

/**
 * What Node's sharded adapter would publish for the same call, with the emitter's uid: {@code ClusterAdapter}
 * messages on the shard channels its subscription mode chooses (Node has no sharded emitter).
 */
record ShardedEmitterPublisher(ShardedPubSub pubSub, ShardedChannels channels, ClusterAdapterCodec codec)
		implements EmitterPublisher {

	@Override
	public CompletableFuture<Void> broadcast(String namespace, BroadcastMessage broadcast) {
		return publish(ClusterAdapterMessages.broadcast(namespace, broadcast));
	}

	@Override
	public CompletableFuture<Void> request(String namespace, ClassicRequest request) {
		return publish(ClusterAdapterMessages.request(namespace, request)
			.orElseThrow(() -> new IllegalArgumentException("No sharded message for " + request)));
	}

	private CompletableFuture<Void> publish(ClusterAdapterMessage message) {
		return this.pubSub.publish(this.channels.channelFor(message), this.codec.encode(message))
			.thenApply((receivers) -> null);
	}

}
