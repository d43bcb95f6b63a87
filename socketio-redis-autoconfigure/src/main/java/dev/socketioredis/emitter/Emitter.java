package dev.socketioredis.emitter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import dev.socketioredis.protocol.BroadcastCodec;
import dev.socketioredis.protocol.BroadcastMessage;
import dev.socketioredis.protocol.BroadcastOptions;
import dev.socketioredis.protocol.BroadcastPacket;
import dev.socketioredis.protocol.ChannelNames;
import dev.socketioredis.protocol.Room;
import dev.socketioredis.redis.RedisPubSub;
import org.jspecify.annotations.Nullable;

/**
 * Publishes events to every node of a Socket.IO cluster, Java or Node, exactly as {@code @socket.io/redis-emitter}
 * does. Immutable: {@link #to}, {@link #except}, {@link #of} and the flags return a new emitter and never change this
 * one, so one instance can be shared by every thread.
 *
 * <pre class="code">
 * emitter.to("room1").except("room2").emit("news", article);
 * emitter.of("/admin").emit("alert", Map.of("level", "high"));
 * </pre>
 */
public final class Emitter {

	/** Events a Socket.IO client reserves for itself; emitting one would confuse every client. */
	private static final Set<String> RESERVED_EVENTS = Set.of("connect", "connect_error", "disconnect",
			"disconnecting", "newListener", "removeListener");

	private final RedisPubSub pubSub;

	private final ChannelNames channels;

	private final BroadcastCodec codec;

	private final String namespace;

	private final List<Room> rooms;

	private final List<Room> except;

	private final Map<String, @Nullable Object> flags;

	public Emitter(RedisPubSub pubSub, ChannelNames channels, BroadcastCodec codec) {
		this(pubSub, channels, codec, "/", List.of(), List.of(), Map.of());
	}

	private Emitter(RedisPubSub pubSub, ChannelNames channels, BroadcastCodec codec, String namespace,
			List<Room> rooms, List<Room> except, Map<String, @Nullable Object> flags) {
		this.pubSub = pubSub;
		this.channels = channels;
		this.codec = codec;
		this.namespace = namespace;
		this.rooms = rooms;
		this.except = except;
		this.flags = flags;
	}

	/** An emitter for another namespace, with no rooms and no flags. */
	public Emitter of(String namespace) {
		if (!namespace.startsWith("/")) {
			throw new IllegalArgumentException("A namespace starts with '/': '" + namespace + "'");
		}
		return new Emitter(this.pubSub, this.channels, this.codec, namespace, List.of(), List.of(), Map.of());
	}

	/** Targets these rooms too (a socket id is a room). */
	public Emitter to(String... rooms) {
		return new Emitter(this.pubSub, this.channels, this.codec, this.namespace, plus(this.rooms, rooms),
				this.except, this.flags);
	}

	/** Same as {@link #to}. */
	public Emitter in(String... rooms) {
		return to(rooms);
	}

	/** Leaves out every member of these rooms. */
	public Emitter except(String... rooms) {
		return new Emitter(this.pubSub, this.channels, this.codec, this.namespace, this.rooms,
				plus(this.except, rooms), this.flags);
	}

	/** Node's {@code volatile}: clients whose connection is not ready to write miss the event. */
	public Emitter asVolatile() {
		return withFlag(BroadcastOptions.VOLATILE, true);
	}

	/** Whether to compress the event (per-message deflate, when the client negotiated it). */
	public Emitter compress(boolean compress) {
		return withFlag(BroadcastOptions.COMPRESS, compress);
	}

	/**
	 * Publishes the event. Arguments are written as a Socket.IO server would: objects, records, maps, lists, numbers,
	 * strings, booleans, {@code null}, {@code byte[]} as binary, {@code java.time} values as ISO-8601 strings.
	 * @return completes once Redis took the message
	 * @throws IllegalArgumentException for a reserved event name or an argument that cannot be written
	 */
	public CompletableFuture<Void> emit(String event, @Nullable Object... args) {
		if (RESERVED_EVENTS.contains(event)) {
			throw new IllegalArgumentException("'" + event + "' is a reserved event name");
		}
		BroadcastPacket packet = BroadcastPacket.event(this.namespace, event, Arrays.asList(args));
		BroadcastOptions options = new BroadcastOptions(this.rooms, this.except, this.flags,
				BroadcastOptions.Layout.EMITTER);
		byte[] message = this.codec.encode(new BroadcastMessage(BroadcastMessage.EMITTER_UID, packet, options));
		return this.pubSub.publish(this.channels.channelFor(this.namespace, this.rooms), message)
			.thenApply((receivers) -> null);
	}

	private Emitter withFlag(String flag, boolean value) {
		Map<String, @Nullable Object> flags = new LinkedHashMap<>(this.flags);
		flags.put(flag, value);
		return new Emitter(this.pubSub, this.channels, this.codec, this.namespace, this.rooms, this.except, flags);
	}

	private static List<Room> plus(List<Room> rooms, String... more) {
		List<Room> result = new ArrayList<>(rooms);
		for (String room : more) {
			Room added = Room.of(room);
			if (!result.contains(added)) {
				result.add(added);
			}
		}
		return List.copyOf(result);
	}

}
