package dev.socketioredis.adapter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.corundumstudio.socketio.SocketIOClient;
import dev.socketioredis.concurrent.EventLoopAwareFuture;
import dev.socketioredis.protocol.BroadcastOptions;
import dev.socketioredis.protocol.RequestType;
import org.jspecify.annotations.Nullable;

/**
 * One namespace of the cluster, in the vocabulary of Node's {@code io.of(nsp)}: broadcasts, cluster requests and
 * server-side events that reach every node. A handle on the namespace's {@link NamespaceEngine}; its
 * {@link #monitor() monitor} tells how the namespace is doing.
 */
public final class NamespaceAdapter {

	private static final BroadcastOptions WHOLE_NAMESPACE = BroadcastOptions
		.wholeNamespace(BroadcastOptions.Layout.ADAPTER);

	private final NamespaceEngine engine;

	private final Duration requestsTimeout;

	NamespaceAdapter(NamespaceEngine engine, Duration requestsTimeout) {
		this.engine = engine;
		this.requestsTimeout = requestsTimeout;
	}

	/** The namespace, in its Socket.IO form ({@code /}, {@code /admin}). */
	public String name() {
		return this.engine.name();
	}

	/** The uid this node publishes this namespace's messages with. */
	public String uid() {
		return this.engine.uid();
	}

	/** Broadcasts to these rooms (a socket id is a room). */
	public BroadcastOperator to(String... rooms) {
		return wholeNamespace().to(rooms);
	}

	/** Same as {@link #to}. */
	public BroadcastOperator in(String... rooms) {
		return to(rooms);
	}

	/** Broadcasts to the whole namespace but the members of these rooms. */
	public BroadcastOperator except(String... rooms) {
		return wholeNamespace().except(rooms);
	}

	/** Node's {@code socket.broadcast}: everyone but the given client. */
	public BroadcastOperator broadcastFrom(SocketIOClient sender) {
		return except(sender.getSessionId().toString());
	}

	private BroadcastOperator wholeNamespace() {
		return new BroadcastOperator(this, WHOLE_NAMESPACE, false);
	}

	/** Broadcasts to the local clients of this namespace only. */
	public BroadcastOperator local() {
		return new BroadcastOperator(this, WHOLE_NAMESPACE, true);
	}

	/** Emits to every client of the namespace on every node. */
	public CompletableFuture<Void> emit(String event, @Nullable Object... args) {
		return wholeNamespace().emit(event, args);
	}

	/** Sockets of the whole namespace on every node. */
	public CompletableFuture<List<RemoteSocket>> fetchSockets() {
		return wholeNamespace().fetchSockets();
	}

	/** Every room with a member on any node, socket-id rooms included. */
	public CompletableFuture<Set<String>> allRooms() {
		return this.engine.allRooms();
	}

	/** Makes every socket of the namespace, on every node, join these rooms. */
	public CompletableFuture<Void> socketsJoin(String... rooms) {
		return wholeNamespace().socketsJoin(rooms);
	}

	/** Makes every socket of the namespace, on every node, leave these rooms. */
	public CompletableFuture<Void> socketsLeave(String... rooms) {
		return wholeNamespace().socketsLeave(rooms);
	}

	/** Disconnects every socket of the namespace, on every node. */
	public CompletableFuture<Void> disconnectSockets(boolean close) {
		return wholeNamespace().disconnectSockets(close);
	}

	/** A broadcast with acknowledgements, bounded by this timeout. */
	public BroadcastOperator timeout(Duration timeout) {
		return wholeNamespace().timeout(timeout);
	}

	/** Sends an event to the {@link ServerSideEventListener}s of the other nodes. */
	public CompletableFuture<Void> serverSideEmit(String event, @Nullable Object... args) {
		return EventLoopAwareFuture.of(this.engine.serverSideEmit(event, Arrays.asList(args)));
	}

	/**
	 * Sends an event to the other nodes and collects their acknowledgements, within {@code socketio.redis.requests-timeout}.
	 * @return every other node's answer; fails with a {@link RequestTimeoutException} carrying the answers that arrived
	 */
	public CompletableFuture<List<@Nullable Object>> serverSideEmitWithAck(String event, @Nullable Object... args) {
		return serverSideEmitWithAck(this.requestsTimeout, event, args);
	}

	/** {@link #serverSideEmitWithAck(String, Object...)} with a timeout of its own. */
	public CompletableFuture<List<@Nullable Object>> serverSideEmitWithAck(Duration timeout, String event,
			@Nullable Object... args) {
		return EventLoopAwareFuture.of(this.engine.serverSideEmitWithAck(event, Arrays.asList(args), timeout));
	}

	/** Registers a listener of the events other nodes send with {@code serverSideEmit}. */
	public void onServerSideEmit(String event, Function<List<@Nullable Object>, @Nullable Object> listener) {
		this.engine.register(ServerSideEventListener.of(event, listener));
	}

	/**
	 * Joins a local client of this namespace to rooms, as Node's {@code await socket.join(rooms)}: completes once the
	 * broadcasts of every node to these rooms, and to the client's id, reach the client. Without channel multiplexing
	 * that is at once; with it, once Redis confirmed this node's subscription to the channels of the rooms new on this
	 * node (about one round trip to Redis; after an outage, once Redis is back).
	 * @throws IllegalArgumentException when the client is not of this namespace
	 */
	public CompletableFuture<Void> join(SocketIOClient client, String... rooms) {
		String namespace = NamespaceNames.toSocketIo(client.getNamespace().getName());
		if (!namespace.equals(name())) {
			throw new IllegalArgumentException(
					"The client is a socket of namespace " + namespace + ", not of " + name());
		}
		client.joinRooms(Set.of(rooms));
		List<String> awaited = new ArrayList<>(Arrays.asList(rooms));
		awaited.add(client.getSessionId().toString());
		return EventLoopAwareFuture.of(this.engine.whenReceiving(awaited));
	}

	/** How the namespace is doing on this node: clients, rooms, requests, subscriptions. */
	public NamespaceMonitor monitor() {
		return this.engine;
	}

	NamespaceEngine engine() {
		return this.engine;
	}

	CompletableFuture<Void> broadcast(String event, List<@Nullable Object> args, BroadcastOptions options,
			boolean local) {
		return EventLoopAwareFuture.of(this.engine.broadcast(event, args, options, local));
	}

	CompletableFuture<List<RemoteSocket>> fetchSockets(BroadcastOptions options) {
		return EventLoopAwareFuture.of(this.engine.fetchSockets(options, this));
	}

	CompletableFuture<Void> applyEverywhere(RequestType type, BroadcastOptions options, List<String> rooms,
			boolean close) {
		return EventLoopAwareFuture.of(this.engine.applyEverywhere(type, options, rooms, close));
	}

	CompletableFuture<List<@Nullable Object>> emitWithAck(String event, List<@Nullable Object> args,
			BroadcastOptions options, Duration timeout) {
		return EventLoopAwareFuture.of(this.engine.emitWithAck(event, args, options, timeout));
	}

}
