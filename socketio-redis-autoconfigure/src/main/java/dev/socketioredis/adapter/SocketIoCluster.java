package dev.socketioredis.adapter;

import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

/**
 * The cluster as an application sees it: broadcasts to the clients of every node, per namespace, in the vocabulary of
 * Node's {@code io}. Usable once the Socket.IO server has started.
 *
 * <pre class="code">
 * cluster.to("room1").emit("news", article);                   // default namespace
 * cluster.of("/admin").except("muted").emit("alert", alert);   // another namespace
 * cluster.of("/").broadcastFrom(client).emit("typing", user);  // everyone but the sender
 * </pre>
 */
public final class SocketIoCluster {

	private final NamespaceRegistry registry;

	public SocketIoCluster(NamespaceRegistry registry) {
		this.registry = registry;
	}

	/**
	 * The adapter of a namespace ({@code /}, {@code /admin}).
	 * @throws IllegalStateException before the server started, or for a namespace the server does not have
	 */
	public NamespaceAdapter of(String namespace) {
		return this.registry.adapter(namespace);
	}

	/** Broadcasts to rooms of the default namespace. */
	public BroadcastOperator to(String... rooms) {
		return of("/").to(rooms);
	}

	/** Same as {@link #to}. */
	public BroadcastOperator in(String... rooms) {
		return to(rooms);
	}

	/** Broadcasts to the default namespace but the members of these rooms. */
	public BroadcastOperator except(String... rooms) {
		return of("/").except(rooms);
	}

	/** Emits to every client of the default namespace on every node. */
	public CompletableFuture<Void> emit(String event, @Nullable Object... args) {
		return of("/").emit(event, args);
	}

}
