package dev.socketioredis.adapter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

import dev.socketioredis.adapter.PendingRequests.Ack;
import dev.socketioredis.adapter.PendingRequests.Acknowledgements;
import dev.socketioredis.adapter.PendingRequests.ClientCount;
import dev.socketioredis.adapter.PendingRequests.Counted;
import dev.socketioredis.protocol.BroadcastOptions;
import dev.socketioredis.protocol.BroadcastPacket;
import dev.socketioredis.protocol.ClassicRequest;
import dev.socketioredis.protocol.ClassicResponse;
import dev.socketioredis.protocol.RequestType;
import dev.socketioredis.protocol.Room;
import dev.socketioredis.protocol.SocketDescription;
import org.jspecify.annotations.Nullable;

/**
 * The requests one namespace's engine makes of the other nodes, as the Node adapter makes them: the transport tells
 * how many nodes will answer, this one included ({@code PUBSUB NUMSUB} of the request channel on Redis pub/sub);
 * alone, a node answers from local data and publishes nothing.
 */
final class Requester {

	private final String namespace;

	private final String uid;

	private final LocalSockets sockets;

	private final ClusterTransport transport;

	private final PendingRequests pending;

	private final Duration requestsTimeout;

	private final AdapterObserver observer;

	Requester(String namespace, String uid, LocalSockets sockets, ClusterTransport transport, PendingRequests pending,
			EngineSettings settings) {
		this.namespace = namespace;
		this.uid = uid;
		this.sockets = sockets;
		this.transport = transport;
		this.pending = pending;
		this.requestsTimeout = settings.requestsTimeout();
		this.observer = settings.observer();
	}

	/** @param handle the namespace the sockets found act through */
	CompletableFuture<List<RemoteSocket>> fetchSockets(BroadcastOptions options, NamespaceAdapter handle) {
		List<@Nullable Object> local = new ArrayList<>(this.sockets.describe(options));
		return timed("fetchSockets", collect("fetchSockets", local,
				(requestId) -> new ClassicRequest.FetchSockets(this.uid, requestId, options)))
			.handle((sockets, failure) -> {
				if (failure == null) {
					return sockets.stream().map((socket) -> remoteSocket(socket, handle)).toList();
				}
				Throwable cause = (failure instanceof CompletionException) ? failure.getCause() : failure;
				if (cause instanceof RequestTimeoutException timeout) { // its partial answers as sockets too
					throw new RequestTimeoutException(timeout.getMessage(),
							timeout.partial().stream().map((socket) -> (Object) remoteSocket(socket, handle)).toList());
				}
				throw (failure instanceof CompletionException ex) ? ex : new CompletionException(failure);
			});
	}

	/** Every room with a member on some node. */
	CompletableFuture<Set<String>> allRooms() {
		if (!this.transport.carriesAllRooms()) {
			return roomsOfEverySocket();
		}
		List<@Nullable Object> local = new ArrayList<>(this.sockets.rooms());
		return timed("allRooms", collect("allRooms", local,
				(requestId) -> new ClassicRequest.AllRooms(this.uid, requestId)))
			.thenApply((rooms) -> {
				Set<String> all = new LinkedHashSet<>();
				rooms.forEach((room) -> all.add((room instanceof Room wire) ? wire.name() : String.valueOf(room)));
				return all;
			});
	}

	/** The rooms of every socket (its own room included), where nodes cannot be asked for their rooms. */
	private CompletableFuture<Set<String>> roomsOfEverySocket() {
		BroadcastOptions everyone = BroadcastOptions.wholeNamespace(BroadcastOptions.Layout.ADAPTER);
		List<@Nullable Object> local = new ArrayList<>(this.sockets.describe(everyone));
		return timed("allRooms", collect("allRooms", local,
				(requestId) -> new ClassicRequest.FetchSockets(this.uid, requestId, everyone)))
			.thenApply((sockets) -> {
				Set<String> all = new LinkedHashSet<>();
				sockets.forEach((socket) -> all.addAll(((SocketDescription) socket).rooms()));
				return all;
			});
	}

	/** Joins, leaves or disconnects the matching sockets here at once, and on the other nodes through Redis. */
	CompletableFuture<Void> applyEverywhere(RequestType type, BroadcastOptions options, List<String> rooms,
			boolean close) {
		String uid = this.uid;
		ClassicRequest request;
		switch (type) {
			case REMOTE_JOIN -> {
				this.sockets.join(options, rooms);
				request = new ClassicRequest.SocketsJoin(uid, options, rooms, null);
			}
			case REMOTE_LEAVE -> {
				this.sockets.leave(options, rooms);
				request = new ClassicRequest.SocketsLeave(uid, options, rooms, null);
			}
			default -> {
				this.sockets.disconnect(options, close);
				request = new ClassicRequest.DisconnectSockets(uid, options, close, null);
			}
		}
		return this.transport.publish(request);
	}

	CompletableFuture<Void> serverSideEmit(String event, List<@Nullable Object> args) {
		return this.transport.publish(new ClassicRequest.ServerSideEmit(this.uid, null, eventData(event, args)));
	}

	/** Completes with the first acknowledgement argument of every other node. */
	CompletableFuture<List<@Nullable Object>> serverSideEmitWithAck(String event, List<@Nullable Object> args,
			Duration timeout) {
		String requestId = AdapterUid.generate();
		return timed("serverSideEmitWithAck", this.transport.countNodes().thenCompose((nodes) -> {
			int others = (int) (nodes - 1);
			if (others <= 0) {
				return CompletableFuture.completedFuture(List.of());
			}
			CompletableFuture<List<@Nullable Object>> answers = this.pending.register(requestId,
					"serverSideEmitWithAck", new Counted(others, null, Requester::acknowledgement), timeout);
			send(requestId, this.transport.publish(
					new ClassicRequest.ServerSideEmit(this.uid, requestId, eventData(event, args))));
			return answers;
		}));
	}

	/**
	 * A broadcast whose clients acknowledge, on every node: completes with the first argument of every client's
	 * acknowledgement once every node reported its client count and that many acknowledgements arrived.
	 */
	CompletableFuture<List<@Nullable Object>> emitWithAck(BroadcastPacket packet, BroadcastOptions options,
			Duration timeout) {
		String requestId = AdapterUid.generate();
		Acknowledgements acknowledgements = new Acknowledgements();
		CompletableFuture<List<@Nullable Object>> result = this.pending.register(requestId, "emitWithAck",
				acknowledgements, timeout);
		send(requestId, this.transport.publish(new ClassicRequest.BroadcastWithAck(this.uid, requestId,
				packet, options.withAckTimeout(timeout))));
		int local = this.sockets.deliverWithAck(packet, options, timeout,
				(ack) -> this.pending.answer(requestId, new Ack(ack)));
		this.pending.answer(requestId, new ClientCount(local));
		this.transport.countNodes().whenComplete((nodes, failure) -> {
			if (failure != null) {
				this.pending.fail(requestId, failure);
			}
			else {
				acknowledgements.expectServers(nodes.intValue()); // this node's count is one of them
				this.pending.recheck(requestId);
			}
		});
		return timed("emitWithAck", result);
	}

	/** Reports how the request ended, and after how long. */
	private <T> CompletableFuture<T> timed(String type, CompletableFuture<T> request) {
		long started = System.nanoTime();
		return request.whenComplete((result, failure) -> {
			Throwable cause = (failure instanceof CompletionException) ? failure.getCause() : failure;
			String outcome = (cause == null) ? "success" : (cause instanceof RequestTimeoutException) ? "timeout" : "error";
			this.observer.requestCompleted(this.namespace, type, outcome, Duration.ofNanos(System.nanoTime() - started));
		});
	}

	/** A response to one of this node's requests. */
	void onResponse(ClassicResponse response) {
		if (response instanceof ClassicResponse.ClientCount count) {
			this.pending.answer(response.requestId(), new ClientCount(count.clientCount()));
		}
		else if (response instanceof ClassicResponse.ClientAck ack) {
			this.pending.answer(response.requestId(), new Ack(ack.packet()));
		}
		else {
			this.pending.answer(response.requestId(), response);
		}
	}

	/**
	 * Fetch-like requests: every node answers with a list; this node's own list counts as the first answer.
	 */
	private CompletableFuture<List<@Nullable Object>> collect(String what, List<@Nullable Object> local,
			Function<String, ClassicRequest> request) {
		String requestId = AdapterUid.generate();
		return this.transport.countNodes().thenCompose((nodes) -> {
			if (nodes <= 1) {
				return CompletableFuture.completedFuture(local);
			}
			CompletableFuture<List<@Nullable Object>> answers = this.pending.register(requestId, what,
					new Counted(nodes.intValue(), local, Requester::items), this.requestsTimeout);
			send(requestId, this.transport.publish(request.apply(requestId)));
			return answers;
		});
	}

	private void send(String requestId, CompletableFuture<Void> published) {
		published.whenComplete((done, failure) -> {
			if (failure != null) {
				this.pending.fail(requestId, failure);
			}
		});
	}

	private static RemoteSocket remoteSocket(@Nullable Object item, NamespaceAdapter handle) {
		SocketDescription socket = (SocketDescription) item;
		return new RemoteSocket(socket.id(), socket.handshake(), socket.rooms(), socket.data(), handle);
	}

	private static List<@Nullable Object> eventData(String event, List<@Nullable Object> args) {
		List<@Nullable Object> data = new ArrayList<>();
		data.add(event);
		data.addAll(args);
		return data;
	}

	/** The items a node answered with; an answer without any still counts, as in Node. */
	private static List<@Nullable Object> items(Object answer) {
		if (answer instanceof ClassicResponse.Sockets sockets) {
			return new ArrayList<>(sockets.sockets());
		}
		if (answer instanceof ClassicResponse.Rooms rooms) {
			return new ArrayList<>(rooms.rooms());
		}
		if (answer instanceof ClassicResponse.SocketIds ids) {
			return new ArrayList<>(ids.sockets());
		}
		return List.of();
	}

	private static List<@Nullable Object> acknowledgement(Object answer) {
		List<@Nullable Object> one = new ArrayList<>();
		one.add((answer instanceof ClassicResponse.ServerSideEmitAck ack) ? ack.data() : null);
		return one;
	}

}
