package dev.socketioredis.emitter;

import java.util.concurrent.CompletableFuture;

import dev.socketioredis.protocol.BroadcastMessage;
import dev.socketioredis.protocol.ClassicRequest;

/** How an {@link Emitter}'s messages reach the cluster: the classic adapter's channels and format, or the sharded one's. */
interface EmitterPublisher {

	/** Encodes at once: an argument that cannot be written fails the caller. */
	CompletableFuture<Void> broadcast(String namespace, BroadcastMessage broadcast);

	CompletableFuture<Void> request(String namespace, ClassicRequest request);

}
