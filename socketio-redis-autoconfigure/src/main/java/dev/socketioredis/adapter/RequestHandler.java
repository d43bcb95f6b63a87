package dev.socketioredis.adapter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import dev.socketioredis.protocol.BroadcastOptions;
import dev.socketioredis.protocol.ClassicRequest;
import dev.socketioredis.protocol.ClassicRequest.AllRooms;
import dev.socketioredis.protocol.ClassicRequest.BroadcastWithAck;
import dev.socketioredis.protocol.ClassicRequest.DisconnectSockets;
import dev.socketioredis.protocol.ClassicRequest.FetchSockets;
import dev.socketioredis.protocol.ClassicRequest.ServerSideEmit;
import dev.socketioredis.protocol.ClassicRequest.SocketIds;
import dev.socketioredis.protocol.ClassicRequest.SocketsJoin;
import dev.socketioredis.protocol.ClassicRequest.SocketsLeave;
import dev.socketioredis.protocol.ClassicResponse;
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

	private final String namespace;

	private final String uid;

	private final LocalSockets sockets;

	private final ClusterTransport transport;

	private final PendingRequests pending;

	private final AdapterObserver observer;

	private final Map<String, ServerSideEventListener> listeners = new ConcurrentHashMap<>();

	private final AtomicLong ignored = new AtomicLong();

	RequestHandler(String namespace, String uid, LocalSockets sockets, ClusterTransport transport,
			PendingRequests pending, AdapterObserver observer) {
		this.namespace = namespace;
		this.uid = uid;
		this.sockets = sockets;
		this.transport = transport;
		this.pending = pending;
		this.observer = observer;
	}

	void register(ServerSideEventListener listener) {
		this.listeners.put(listener.event(), listener);
	}

	/** Requests that could not be read or had an unknown type. */
	long ignoredRequests() {
		return this.ignored.get();
	}

	void onRequest(ClassicRequest request) {
		if (request instanceof SocketIds ids) {
			if (!isOwnRequest(ids.requestId())) {
				BroadcastOptions options = BroadcastOptions.wholeNamespace(BroadcastOptions.Layout.ADAPTER)
					.to(names(ids.rooms()));
				respond(request, new ClassicResponse.SocketIds(ids.requestId(), this.sockets.socketIds(options)));
			}
		}
		else if (request instanceof AllRooms all) {
			if (!isOwnRequest(all.requestId())) {
				respond(request, new ClassicResponse.Rooms(all.requestId(),
						this.sockets.rooms().stream().map(Room::of).toList()));
			}
		}
		else if (request instanceof FetchSockets fetch) {
			if (!isOwnRequest(fetch.requestId())) {
				respond(request, new ClassicResponse.Sockets(fetch.requestId(), this.sockets.describe(fetch.options())));
			}
		}
		else if (request instanceof ServerSideEmit emit) {
			if (!isOwnUid(request)) {
				serverSideEmit(emit);
			}
		}
		else if (request instanceof BroadcastWithAck broadcast) {
			if (!isOwnRequest(broadcast.requestId())) {
				broadcastWithAck(broadcast);
			}
		}
		else if (!isOwnUid(request)) { // socketsJoin, socketsLeave, disconnectSockets: the requester applied them
			applyRemote(request);
		}
	}

	private void applyRemote(ClassicRequest request) {
		String requestId = null;
		if (request instanceof SocketsJoin join) {
			this.sockets.join(join.options(), join.rooms());
			requestId = join.requestId();
		}
		else if (request instanceof SocketsLeave leave) {
			this.sockets.leave(leave.options(), leave.rooms());
			requestId = leave.requestId();
		}
		else if (request instanceof DisconnectSockets disconnect) {
			this.sockets.disconnect(disconnect.options(), disconnect.close());
			requestId = disconnect.requestId();
		}
		if (requestId != null) { // the sid form of adapters before 6.1 waits for an answer
			respond(request, new ClassicResponse.Done(requestId));
		}
	}

	private void serverSideEmit(ServerSideEmit request) {
		Optional<String> event = request.event();
		if (event.isEmpty()) {
			ignore("a server-side emit without an event name", null);
			return;
		}
		ServerSideEventListener listener = this.listeners.get(event.get());
		if (listener == null) {
			return; // as in Node: no listener, no acknowledgement
		}
		Object ack = listener.onEvent(new ArrayList<>(request.args()));
		if (request.requestId() != null) {
			respond(request, new ClassicResponse.ServerSideEmitAck(request.requestId(), ack));
		}
	}

	private void broadcastWithAck(BroadcastWithAck request) {
		String requestId = request.requestId();
		Duration ackTimeout = request.options().ackTimeout().orElse(DEFAULT_ACK_TIMEOUT);
		String requester = request.uid();
		int clients = this.sockets.deliverWithAck(request.packet(), request.options(), ackTimeout,
				(ack) -> this.transport.publish(requester, new ClassicResponse.ClientAck(requestId, ack)));
		this.transport.publish(requester, new ClassicResponse.ClientCount(requestId, clients));
	}

	private void respond(ClassicRequest request, ClassicResponse response) {
		this.transport.publish(request.uid(), response);
	}

	private boolean isOwnRequest(String requestId) {
		return this.pending.isPending(requestId);
	}

	private boolean isOwnUid(ClassicRequest request) {
		return this.uid.equals(request.uid());
	}

	private static String[] names(List<Room> rooms) {
		return rooms.stream().map(Room::name).toArray(String[]::new);
	}

	/** A request that could not be read ({@code cause}), or that this node cannot answer. */
	void ignore(String what, @Nullable Exception cause) {
		this.observer.dropped(this.namespace, AdapterObserver.MessageKind.REQUEST,
				(cause != null) ? "undecodable" : "unknown");
		long count = this.ignored.incrementAndGet();
		if (count == 1 || count % 1000 == 0) {
			logger.warn("Ignored {} request(s) on namespace {}; latest: {}{}", count, this.namespace, what,
					(cause != null) ? " (" + cause.getMessage() + ")" : "");
		}
	}

}
