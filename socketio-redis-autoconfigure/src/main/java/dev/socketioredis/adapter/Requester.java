package dev.socketioredis.adapter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
import dev.socketioredis.protocol.ClusterMessage;
import dev.socketioredis.protocol.MalformedMessageException;
import dev.socketioredis.protocol.RequestType;
import org.jspecify.annotations.Nullable;

/**
 * The requests one namespace adapter makes of the other nodes, as the Node adapter makes them: {@code PUBSUB NUMSUB}
 * on the request channel tells how many nodes will answer (this one included); alone, a node answers from local data
 * and publishes nothing.
 */
final class Requester {

	private final NamespaceAdapter adapter;

	private final LocalSockets sockets;

	private final PendingRequests pending;

	private final Duration requestsTimeout;

	Requester(NamespaceAdapter adapter, LocalSockets sockets, PendingRequests pending, Duration requestsTimeout) {
		this.adapter = adapter;
		this.sockets = sockets;
		this.pending = pending;
		this.requestsTimeout = requestsTimeout;
	}

	CompletableFuture<List<RemoteSocket>> fetchSockets(BroadcastOptions options) {
		List<@Nullable Object> local = new ArrayList<>(this.sockets.describe(options));
		return timed("fetchSockets", collect(RequestType.REMOTE_FETCH, "fetchSockets", local, "sockets",
				(builder) -> builder.options(options)))
			.handle((sockets, failure) -> {
				if (failure == null) {
					return sockets.stream().map(this::remoteSocket).toList();
				}
				Throwable cause = (failure instanceof CompletionException) ? failure.getCause() : failure;
				if (cause instanceof RequestTimeoutException timeout) { // its partial answers as sockets too
					throw new RequestTimeoutException(timeout.getMessage(),
							timeout.partial().stream().map((socket) -> (Object) remoteSocket(socket)).toList());
				}
				throw (failure instanceof CompletionException ex) ? ex : new CompletionException(failure);
			});
	}

	CompletableFuture<Set<String>> allRooms() {
		List<@Nullable Object> local = new ArrayList<>(this.sockets.rooms());
		return timed("allRooms", collect(RequestType.ALL_ROOMS, "allRooms", local, "rooms", (builder) -> builder))
			.thenApply((rooms) -> {
				Set<String> all = new LinkedHashSet<>();
				rooms.forEach((room) -> all.add(String.valueOf(room)));
				return all;
			});
	}

	/** Joins, leaves or disconnects the matching sockets here at once, and on the other nodes through Redis. */
	CompletableFuture<Void> applyEverywhere(RequestType type, BroadcastOptions options, List<String> rooms,
			boolean close) {
		ClusterMessage.Builder request = ClusterMessage.builder()
			.put("uid", this.adapter.uid())
			.type(type)
			.options(options);
		switch (type) {
			case REMOTE_JOIN -> {
				this.sockets.join(options, rooms);
				request.put("rooms", rooms);
			}
			case REMOTE_LEAVE -> {
				this.sockets.leave(options, rooms);
				request.put("rooms", rooms);
			}
			default -> {
				this.sockets.disconnect(options, close);
				request.put("close", close);
			}
		}
		return this.adapter.publishRequest(request.build(), false);
	}

	CompletableFuture<Void> serverSideEmit(String event, List<@Nullable Object> args) {
		return this.adapter.publishRequest(ClusterMessage.builder()
			.put("uid", this.adapter.uid())
			.type(RequestType.SERVER_SIDE_EMIT)
			.put("data", eventData(event, args))
			.build(), false);
	}

	/** Completes with the first acknowledgement argument of every other node. */
	CompletableFuture<List<@Nullable Object>> serverSideEmitWithAck(String event, List<@Nullable Object> args,
			Duration timeout) {
		String requestId = AdapterUid.generate();
		return timed("serverSideEmitWithAck", this.adapter.countNodes().thenCompose((nodes) -> {
			int others = (int) (nodes - 1);
			if (others <= 0) {
				return CompletableFuture.completedFuture(List.of());
			}
			CompletableFuture<List<@Nullable Object>> answers = this.pending.register(requestId,
					"serverSideEmitWithAck", new Counted(others, null, (answer) -> single(answer, "data")), timeout);
			send(requestId, this.adapter.publishRequest(ClusterMessage.builder()
				.put("uid", this.adapter.uid())
				.put("requestId", requestId)
				.type(RequestType.SERVER_SIDE_EMIT)
				.put("data", eventData(event, args))
				.build(), false));
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
		BroadcastOptions withTimeout = options.withFlag("timeout", timeout.toMillis());
		send(requestId, this.adapter.publishRequest(ClusterMessage.builder()
			.put("uid", this.adapter.uid())
			.put("requestId", requestId)
			.type(RequestType.BROADCAST)
			.put("packet", packet)
			.optionsWithFlags(withTimeout)
			.build(), true));
		int local = this.sockets.deliverWithAck(packet, options, timeout,
				(ack) -> this.pending.answer(requestId, new Ack(ack)));
		this.pending.answer(requestId, new ClientCount(local));
		this.adapter.countNodes().whenComplete((nodes, failure) -> {
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
			this.adapter.observer()
				.requestCompleted(this.adapter.name(), type, outcome, Duration.ofNanos(System.nanoTime() - started));
		});
	}

	/** A response to one of this node's requests. */
	void onResponse(ClusterMessage response) throws MalformedMessageException {
		String requestId = response.string("requestId");
		RequestType type = response.type().orElse(null);
		if (type == RequestType.BROADCAST_CLIENT_COUNT) {
			this.pending.answer(requestId, new ClientCount(response.integer("clientCount")));
		}
		else if (type == RequestType.BROADCAST_ACK) {
			this.pending.answer(requestId, new Ack(response.get("packet")));
		}
		else {
			this.pending.answer(requestId, response);
		}
	}

	/**
	 * Fetch-like requests: every node answers with a list; this node's own list counts as the first answer.
	 */
	private CompletableFuture<List<@Nullable Object>> collect(RequestType type, String what,
			List<@Nullable Object> local, String listField,
			Function<ClusterMessage.Builder, ClusterMessage.Builder> fields) {
		String requestId = AdapterUid.generate();
		return this.adapter.countNodes().thenCompose((nodes) -> {
			if (nodes <= 1) {
				return CompletableFuture.completedFuture(local);
			}
			CompletableFuture<List<@Nullable Object>> answers = this.pending.register(requestId, what,
					new Counted(nodes.intValue(), local, (answer) -> list(answer, listField)), this.requestsTimeout);
			send(requestId, this.adapter.publishRequest(fields.apply(ClusterMessage.builder()
				.put("uid", this.adapter.uid())
				.put("requestId", requestId)
				.type(type)).build(), false));
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

	@SuppressWarnings("unchecked")
	private RemoteSocket remoteSocket(@Nullable Object item) {
		Map<String, @Nullable Object> socket = (Map<String, @Nullable Object>) item;
		Object handshake = socket.get("handshake");
		Object rooms = socket.get("rooms");
		return new RemoteSocket(String.valueOf(socket.get("id")),
				(handshake instanceof Map<?, ?> map) ? (Map<String, @Nullable Object>) map : Map.of(),
				(rooms instanceof List<?> list) ? list.stream().map(String::valueOf).toList() : List.of(),
				socket.get("data"), this.adapter);
	}

	private static List<@Nullable Object> eventData(String event, List<@Nullable Object> args) {
		List<@Nullable Object> data = new ArrayList<>();
		data.add(event);
		data.addAll(args);
		return data;
	}

	/** The list a node answered with; an answer without it still counts, as in Node. */
	private static List<@Nullable Object> list(Object answer, String field) {
		Object value = ((ClusterMessage) answer).get(field);
		return (value instanceof List<?> list) ? new ArrayList<>(list) : List.of();
	}

	private static List<@Nullable Object> single(Object answer, String field) {
		List<@Nullable Object> one = new ArrayList<>();
		one.add(((ClusterMessage) answer).get(field));
		return one;
	}

}
