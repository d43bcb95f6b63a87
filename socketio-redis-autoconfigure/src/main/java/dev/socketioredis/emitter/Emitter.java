package dev.socketioredis.emitter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.socketioredis.concurrent.EventLoopAwareFuture;
import dev.socketioredis.protocol.BroadcastCodec;
import dev.socketioredis.protocol.BroadcastMessage;
import dev.socketioredis.protocol.BroadcastOptions;
import dev.socketioredis.protocol.BroadcastPacket;
import dev.socketioredis.protocol.ChannelNames;
import dev.socketioredis.protocol.ClassicRequest;
import dev.socketioredis.protocol.ClassicCodec;
import dev.socketioredis.protocol.ClusterAdapterCodec;
import dev.socketioredis.protocol.ShardedChannels;
import dev.socketioredis.redis.RedisPubSub;
import dev.socketioredis.redis.ShardedPubSub;
import org.jspecify.annotations.Nullable;

/**
 * Publishes events to every node of a Socket.IO cluster, Java or Node, exactly as {@code @socket.io/redis-emitter}
 * does (or, on sharded pub/sub, as Node's sharded adapter would). Immutable: {@link #to}, {@link #except}, {@link #of} and the flags return a new emitter and never change this
 * one, so one instance can be shared by every thread.
 *
 * <pre class="code">
 * emitter.to("room1").except("room2").emit("news", article);
 * emitter.of("/admin").emit("alert", Map.of("level", "high"));
 * </pre>
 */
public final class Emitter {

	private static final BroadcastOptions NO_TARGETS = BroadcastOptions
		.wholeNamespace(BroadcastOptions.Layout.EMITTER);

	private final EmitterPublisher publisher;

	private final String namespace;

	private final BroadcastOptions options;

	/** An emitter speaking the classic adapter's protocol ({@code createAdapter}), as {@code @socket.io/redis-emitter}. */
	public Emitter(RedisPubSub pubSub, ChannelNames channels, BroadcastCodec codec, ClassicCodec messageCodec) {
		this(new ClassicEmitterPublisher(pubSub, channels, codec, messageCodec), "/", NO_TARGETS);
	}

	/**
	 * An emitter speaking the sharded adapter's protocol ({@code createShardedAdapter}) on Redis 7 sharded pub/sub,
	 * with the channels of the cluster's subscription mode.
	 */
	public static Emitter sharded(ShardedPubSub pubSub, ShardedChannels channels, ClusterAdapterCodec codec) {
		return new Emitter(new ShardedEmitterPublisher(pubSub, channels, codec), "/", NO_TARGETS);
	}

	private Emitter(EmitterPublisher publisher, String namespace, BroadcastOptions options) {
		this.publisher = publisher;
		this.namespace = namespace;
		this.options = options;
	}

	/** An emitter for another namespace, with no rooms and no flags. */
	public Emitter of(String namespace) {
		if (!namespace.startsWith("/")) {
			throw new IllegalArgumentException("A namespace starts with '/': '" + namespace + "'");
		}
		return new Emitter(this.publisher, namespace, NO_TARGETS);
	}

	/** Targets these rooms too (a socket id is a room). */
	public Emitter to(String... rooms) {
		return with(this.options.to(rooms));
	}

	/** Same as {@link #to}. */
	public Emitter in(String... rooms) {
		return to(rooms);
	}

	/** Leaves out every member of these rooms. */
	public Emitter except(String... rooms) {
		return with(this.options.except(rooms));
	}

	/** Node's {@code volatile}: clients whose connection is not ready to write miss the event. */
	public Emitter asVolatile() {
		return with(this.options.withFlag(BroadcastOptions.VOLATILE, true));
	}

	/** Whether to compress the event (per-message deflate, when the client negotiated it). */
	public Emitter compress(boolean compress) {
		return with(this.options.withFlag(BroadcastOptions.COMPRESS, compress));
	}

	/**
	 * Publishes the event. Arguments are written as a Socket.IO server would: objects, records, maps, lists, numbers,
	 * strings, booleans, {@code null}, {@code byte[]} as binary, {@code java.time} values as ISO-8601 strings.
	 * @return completes once Redis took the message
	 * @throws IllegalArgumentException for a reserved event name or an argument that cannot be written
	 */
	public CompletableFuture<Void> emit(String event, @Nullable Object... args) {
		BroadcastPacket packet = BroadcastPacket.event(this.namespace, event, Arrays.asList(args));
		return EventLoopAwareFuture.of(this.publisher.broadcast(this.namespace,
				new BroadcastMessage(BroadcastMessage.EMITTER_UID, packet, this.options)));
	}

	/** Makes the targeted sockets, on every node, join these rooms. */
	public CompletableFuture<Void> socketsJoin(String... rooms) {
		return request(new ClassicRequest.SocketsJoin(null, this.options, List.of(rooms), null));
	}

	/** Makes the targeted sockets, on every node, leave these rooms. */
	public CompletableFuture<Void> socketsLeave(String... rooms) {
		return request(new ClassicRequest.SocketsLeave(null, this.options, List.of(rooms), null));
	}

	/** Disconnects the targeted sockets from their namespace, or closes their whole connection when {@code close}. */
	public CompletableFuture<Void> disconnectSockets(boolean close) {
		return request(new ClassicRequest.DisconnectSockets(null, this.options, close, null));
	}

	/**
	 * Sends an event to the server-side listeners of every node of the namespace (an emitter gets no
	 * acknowledgements).
	 */
	public CompletableFuture<Void> serverSideEmit(String event, @Nullable Object... args) {
		List<@Nullable Object> data = new ArrayList<>();
		data.add(event);
		data.addAll(Arrays.asList(args));
		return request(new ClassicRequest.ServerSideEmit(BroadcastMessage.EMITTER_UID, null, data));
	}

	private CompletableFuture<Void> request(ClassicRequest request) {
		return EventLoopAwareFuture.of(this.publisher.request(this.namespace, request));
	}

	private Emitter with(BroadcastOptions options) {
		return new Emitter(this.publisher, this.namespace, options);
	}

}
