package dev.socketioredis.adapter;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.socketioredis.protocol.BroadcastOptions;
import dev.socketioredis.protocol.RequestType;
import org.jspecify.annotations.Nullable;

/**
 * A broadcast being set up on one namespace, as Node's {@code BroadcastOperator}: immutable, each call returns a new
 * operator. Targets are the union of the rooms (the whole namespace when none) minus every member of an except room;
 * every client gets the event once, on every node of the cluster.
 *
 * <pre class="code">
 * cluster.of("/chat").to("room1", "room2").except("muted").emit("message", text);
 * </pre>
 */
public final class BroadcastOperator {

	private final NamespaceAdapter adapter;

	private final BroadcastOptions options;

	private final boolean local;

	private final @Nullable Duration ackTimeout;

	BroadcastOperator(NamespaceAdapter adapter, BroadcastOptions options, boolean local) {
		this(adapter, options, local, null);
	}

	private BroadcastOperator(NamespaceAdapter adapter, BroadcastOptions options, boolean local,
			@Nullable Duration ackTimeout) {
		this.adapter = adapter;
		this.options = options;
		this.local = local;
		this.ackTimeout = ackTimeout;
	}

	/** Targets these rooms too (a socket id is a room). */
	public BroadcastOperator to(String... rooms) {
		return new BroadcastOperator(this.adapter, this.options.to(rooms), this.local, this.ackTimeout);
	}

	/** Same as {@link #to}. */
	public BroadcastOperator in(String... rooms) {
		return to(rooms);
	}

	/** Leaves out every member of these rooms. */
	public BroadcastOperator except(String... rooms) {
		return new BroadcastOperator(this.adapter, this.options.except(rooms), this.local, this.ackTimeout);
	}

	/** Clients whose connection is not ready to write miss the event. */
	public BroadcastOperator asVolatile() {
		return new BroadcastOperator(this.adapter, this.options.withFlag(BroadcastOptions.VOLATILE, true),
				this.local, this.ackTimeout);
	}

	/** Whether to compress the event (per-message deflate, when the client negotiated it). */
	public BroadcastOperator compress(boolean compress) {
		return new BroadcastOperator(this.adapter, this.options.withFlag(BroadcastOptions.COMPRESS, compress),
				this.local, this.ackTimeout);
	}

	/** Only the clients of this node; nothing is published. */
	public BroadcastOperator local() {
		return new BroadcastOperator(this.adapter, this.options, true, this.ackTimeout);
	}

	/** How long {@link #emitWithAck} waits for the clients' acknowledgements. */
	public BroadcastOperator timeout(Duration timeout) {
		return new BroadcastOperator(this.adapter, this.options, this.local, timeout);
	}

	/**
	 * Sends the event to the local targets, then publishes it once for the other nodes.
	 * @return completes once Redis took the message (at once for a {@link #local()} broadcast)
	 * @throws IllegalArgumentException for a reserved event name or an argument that cannot be written, before
	 * anything was sent
	 */
	public CompletableFuture<Void> emit(String event, @Nullable Object... args) {
		return this.adapter.broadcast(event, Arrays.asList(args), this.options, this.local);
	}

	/**
	 * Emits to every target on every node and collects the first argument of each client's acknowledgement.
	 * @return completes when every node reported how many clients it reached and they all acknowledged; fails with a
	 * {@link RequestTimeoutException} carrying the acknowledgements that arrived when {@link #timeout} passed
	 * @throws IllegalStateException without a {@link #timeout}
	 */
	public CompletableFuture<List<@Nullable Object>> emitWithAck(String event, @Nullable Object... args) {
		if (this.ackTimeout == null) {
			throw new IllegalStateException("A broadcast with acknowledgements needs a timeout(...)");
		}
		return this.adapter.emitWithAck(event, Arrays.asList(args), this.options, this.ackTimeout);
	}

	/** The targets, on every node, as of now. */
	public CompletableFuture<List<RemoteSocket>> fetchSockets() {
		return this.adapter.fetchSockets(this.options);
	}

	/** How many targets there are on every node. */
	public CompletableFuture<Integer> countSockets() {
		return fetchSockets().thenApply(List::size);
	}

	/** Makes the targets, on every node, join these rooms. */
	public CompletableFuture<Void> socketsJoin(String... rooms) {
		return this.adapter.applyEverywhere(RequestType.REMOTE_JOIN, this.options, List.of(rooms), false);
	}

	/** Makes the targets, on every node, leave these rooms. */
	public CompletableFuture<Void> socketsLeave(String... rooms) {
		return this.adapter.applyEverywhere(RequestType.REMOTE_LEAVE, this.options, List.of(rooms), false);
	}

	/** Disconnects the targets, on every node, from the namespace, or closes their connection when {@code close}. */
	public CompletableFuture<Void> disconnectSockets(boolean close) {
		return this.adapter.applyEverywhere(RequestType.REMOTE_DISCONNECT, this.options, List.of(), close);
	}

}
