package dev.socketioredis.adapter;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

import dev.socketioredis.protocol.BroadcastOptions;
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

	BroadcastOperator(NamespaceAdapter adapter, BroadcastOptions options, boolean local) {
		this.adapter = adapter;
		this.options = options;
		this.local = local;
	}

	/** Targets these rooms too (a socket id is a room). */
	public BroadcastOperator to(String... rooms) {
		return new BroadcastOperator(this.adapter, this.options.to(rooms), this.local);
	}

	/** Same as {@link #to}. */
	public BroadcastOperator in(String... rooms) {
		return to(rooms);
	}

	/** Leaves out every member of these rooms. */
	public BroadcastOperator except(String... rooms) {
		return new BroadcastOperator(this.adapter, this.options.except(rooms), this.local);
	}

	/** Clients whose connection is not ready to write miss the event. */
	public BroadcastOperator asVolatile() {
		return new BroadcastOperator(this.adapter, this.options.withFlag(BroadcastOptions.VOLATILE, true),
				this.local);
	}

	/** Whether to compress the event (per-message deflate, when the client negotiated it). */
	public BroadcastOperator compress(boolean compress) {
		return new BroadcastOperator(this.adapter, this.options.withFlag(BroadcastOptions.COMPRESS, compress),
				this.local);
	}

	/** Only the clients of this node; nothing is published. */
	public BroadcastOperator local() {
		return new BroadcastOperator(this.adapter, this.options, true);
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

}
