package dev.socketioredis.adapter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import dev.socketioredis.protocol.BroadcastOptions;
import dev.socketioredis.protocol.BroadcastPacket;
import dev.socketioredis.protocol.ClusterMessage;
import dev.socketioredis.protocol.MalformedMessageException;
import dev.socketioredis.protocol.RequestType;
import dev.socketioredis.protocol.Room;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the requests other nodes and emitters publish on the namespace's request channel, every type of the Node
 * adapter: a node that is subscribed but silent would make Node requesters wait for their timeout. This node's own
 * requests come back too and are recognised by request id or uid.
 */
final class RequestHandler {

	private static final Logger logger = LoggerFactory.getLogger(RequestHandler.class);

	private static final Duration DEFAULT_ACK_TIMEOUT = Duration.ofSeconds(5);

	private final NamespaceAdapter adapter;

	private final LocalSockets sockets;

	private final PendingRequests pending;

	private final Map<String, ServerSideEventListener> listeners = new ConcurrentHashMap<>();

	private final AtomicLong ignored = new AtomicLong();

	RequestHandler(NamespaceAdapter adapter, LocalSockets sockets, PendingRequests pending) {
		this.adapter = adapter;
		this.sockets = sockets;
		this.pending = pending;
	}

	void register(ServerSideEventListener listener) {
		this.listeners.put(listener.event(), listener);
	}

	/** Requests that could not be read or had an unknown type. */
	long ignoredRequests() {
		return this.ignored.get();
	}

	void onRequest(byte[] bytes) {
		try {
			ClusterMessage request = this.adapter.messageCodec().decode(bytes);
			RequestType type = request.type().orElse(null);
			if (type == null) {
				ignore("a request without a known type", null);
				return;
			}
			handle(type, request);
		}
		catch (MalformedMessageException | RuntimeException ex) {
			ignore("an unreadable request", ex);
		}
	}

	private void handle(RequestType type, ClusterMessage request) throws MalformedMessageException {
		switch (type) {
			case SOCKETS -> {
				if (!isOwnRequest(request)) {
					BroadcastOptions options = BroadcastOptions.wholeNamespace(BroadcastOptions.Layout.ADAPTER)
						.to(names(request.rooms("rooms")));
					List<String> ids = this.sockets.targets(options)
						.stream()
						.map((client) -> client.getSessionId().toString())
						.toList();
					respond(request, ClusterMessage.builder()
						.put("requestId", request.string("requestId"))
						.put("sockets", ids)
						.build());
				}
			}
			case ALL_ROOMS -> {
				if (!isOwnRequest(request)) {
					respond(request, ClusterMessage.builder()
						.put("requestId", request.string("requestId"))
						.put("rooms", List.copyOf(this.sockets.rooms()))
						.build());
				}
			}
			case REMOTE_FETCH -> {
				if (!isOwnRequest(request)) {
					respond(request, ClusterMessage.builder()
						.put("requestId", request.string("requestId"))
						.put("sockets", this.sockets.describe(request.options()))
						.build());
				}
			}
			case REMOTE_JOIN, REMOTE_LEAVE, REMOTE_DISCONNECT -> {
				if (!isOwnUid(request)) {
					applyRemote(type, request);
				}
			}
			case SERVER_SIDE_EMIT -> {
				if (!isOwnUid(request)) {
					serverSideEmit(request);
				}
			}
			case BROADCAST -> {
				if (!isOwnRequest(request)) {
					broadcastWithAck(request);
				}
			}
			default -> ignore("a response on the request channel", null);
		}
	}

	/** socketsJoin, socketsLeave, disconnectSockets: applied by the requester itself, so its echo is skipped. */
	private void applyRemote(RequestType type, ClusterMessage request) throws MalformedMessageException {
		if (!request.has("opts")) { // the sid form of adapters before 6.1
			BroadcastOptions one = BroadcastOptions.wholeNamespace(BroadcastOptions.Layout.ADAPTER)
				.to(request.string("sid"));
			apply(type, one, request);
			if (request.has("requestId")) {
				respond(request, ClusterMessage.builder().put("requestId", request.string("requestId")).build());
			}
			return;
		}
		apply(type, request.options(), request);
	}

	private void apply(RequestType type, BroadcastOptions options, ClusterMessage request)
			throws MalformedMessageException {
		switch (type) {
			case REMOTE_JOIN -> this.sockets.join(options, roomsToChange(request));
			case REMOTE_LEAVE -> this.sockets.leave(options, roomsToChange(request));
			default -> this.sockets.disconnect(options, request.bool("close"));
		}
	}

	private static List<String> roomsToChange(ClusterMessage request) throws MalformedMessageException {
		return request.has("rooms") ? List.of(names(request.rooms("rooms"))) : List.of(request.string("room"));
	}

	private void serverSideEmit(ClusterMessage request) throws MalformedMessageException {
		List<?> data = request.list("data");
		if (data.isEmpty() || !(data.get(0) instanceof String event)) {
			ignore("a server-side emit without an event name", null);
			return;
		}
		ServerSideEventListener listener = this.listeners.get(event);
		if (listener == null) {
			return; // as in Node: no listener, no acknowledgement
		}
		Object ack = listener.onEvent(new ArrayList<>(data.subList(1, data.size())));
		if (request.has("requestId")) {
			// acknowledgements of server-side emits always go to the common channel, as Node sends them
			this.adapter.publishResponse(null, ClusterMessage.builder()
				.type(RequestType.SERVER_SIDE_EMIT)
				.put("requestId", request.string("requestId"))
				.put("data", ack)
				.build(), false);
		}
	}

	private void broadcastWithAck(ClusterMessage request) throws MalformedMessageException {
		String requestId = request.string("requestId");
		BroadcastPacket packet = BroadcastPacket.read(request.get("packet"));
		BroadcastOptions options = request.options();
		Object timeout = options.flags().get("timeout");
		Duration ackTimeout = (timeout instanceof Number millis) ? Duration.ofMillis(millis.longValue())
				: DEFAULT_ACK_TIMEOUT;
		String requester = request.uid().orElse(null);
		int clients = this.sockets.deliverWithAck(packet, options, ackTimeout,
				(ack) -> this.adapter.publishResponse(requester, ClusterMessage.builder()
					.type(RequestType.BROADCAST_ACK)
					.put("requestId", requestId)
					.put("packet", ack)
					.build(), true));
		this.adapter.publishResponse(requester, ClusterMessage.builder()
			.type(RequestType.BROADCAST_CLIENT_COUNT)
			.put("requestId", requestId)
			.put("clientCount", clients)
			.build(), false);
	}

	private void respond(ClusterMessage request, ClusterMessage response) throws MalformedMessageException {
		this.adapter.publishResponse(request.uid().orElse(null), response, false);
	}

	private boolean isOwnRequest(ClusterMessage request) throws MalformedMessageException {
		return this.pending.isPending(request.string("requestId"));
	}

	private boolean isOwnUid(ClusterMessage request) throws MalformedMessageException {
		return this.adapter.uid().equals(request.uid().orElse(null));
	}

	private static String[] names(List<Room> rooms) {
		return rooms.stream().map(Room::name).toArray(String[]::new);
	}

	private void ignore(String what, @Nullable Exception cause) {
		this.adapter.observer()
			.dropped(this.adapter.name(), AdapterObserver.MessageKind.REQUEST, (cause != null) ? "undecodable" : "unknown");
		long count = this.ignored.incrementAndGet();
		if (count == 1 || count % 1000 == 0) {
			logger.warn("Ignored {} request(s) on namespace {}; latest: {}{}", count, this.adapter.name(), what,
					(cause != null) ? " (" + cause.getMessage() + ")" : "");
		}
	}

}
