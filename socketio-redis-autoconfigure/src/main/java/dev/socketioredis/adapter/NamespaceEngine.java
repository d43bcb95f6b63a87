package dev.socketioredis.adapter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

import dev.socketioredis.adapter.AdapterObserver.MessageKind;
import dev.socketioredis.protocol.BroadcastMessage;
import dev.socketioredis.protocol.BroadcastOptions;
import dev.socketioredis.protocol.BroadcastPacket;
import dev.socketioredis.protocol.ClassicRequest;
import dev.socketioredis.protocol.ClassicResponse;
import dev.socketioredis.protocol.RequestType;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster adapter of one namespace, whatever carries its messages (Node's {@code ClusterAdapter}): it delivers
 * broadcasts to local sockets and hands them to the transport for the other nodes, delivers theirs, coordinates this
 * node's requests, answers those of the others, skips its own echoes, and tells of room changes. It knows the other
 * nodes only through its {@link ClusterTransport}, and its sockets only through {@link LocalSockets}.
 */
final class NamespaceEngine implements ClusterTransport.Listener, NamespaceMonitor {

	private static final Logger logger = LoggerFactory.getLogger(NamespaceEngine.class);

	private final String name;

	private final String uid;

	private final LocalSockets sockets;

	private final ClusterTransport transport;

	private final AdapterObserver observer;

	private final LocalRooms rooms;

	private final PendingRequests pending;

	private final Requester requester;

	private final RequestHandler requestHandler;

	private final AtomicLong malformedBroadcasts = new AtomicLong();

	NamespaceEngine(String name, String uid, LocalSockets sockets, ClusterTransport transport,
			EngineSettings settings, ScheduledExecutorService timer) {
		this.name = name;
		this.uid = uid;
		this.sockets = sockets;
		this.transport = transport;
		this.observer = settings.observer();
		this.pending = new PendingRequests(timer);
		this.requester = new Requester(name, uid, sockets, transport, this.pending, settings);
		this.requestHandler = new RequestHandler(name, uid, sockets, transport, this.pending, this.observer);
		settings.serverSideEventListeners()
			.stream()
			.filter((listener) -> listener.namespace().equals(name))
			.forEach(this.requestHandler::register);
		List<RoomEventListener> listeners = new ArrayList<>(settings.roomEventListeners());
		listeners.add(new RoomEventListener() {

			@Override
			public void roomCreated(String namespace, String room) {
				transport.roomCreated(room);
			}

			@Override
			public void roomDeleted(String namespace, String room) {
				transport.roomDeleted(room);
			}

		});
		this.rooms = new LocalRooms(name, listeners);
	}

	void start() {
		this.transport.start(this);
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public String uid() {
		return this.uid;
	}

	/**
	 * Publishes for the other nodes unless {@code local}, then delivers to the local targets. Publishing encodes at
	 * once: an argument that cannot be written fails the call before anything is delivered.
	 */
	CompletableFuture<Void> broadcast(String event, List<@Nullable Object> args, BroadcastOptions options,
			boolean local) {
		BroadcastPacket packet = BroadcastPacket.event(this.name, event, args);
		if (local) {
			this.sockets.deliver(packet, options);
			return CompletableFuture.completedFuture(null);
		}
		CompletableFuture<Void> published = this.transport.publish(new BroadcastMessage(this.uid, packet, options));
		this.sockets.deliver(packet, options);
		return published;
	}

	/** Publishes a broadcast whose local delivery is already done (made with netty-socketio's own API). */
	void publish(BroadcastPacket packet, BroadcastOptions options) {
		this.transport.publish(new BroadcastMessage(this.uid, packet, options));
	}

	@Override
	public void onBroadcast(BroadcastMessage broadcast) {
		if (broadcast.uid().equals(this.uid) || !broadcast.packet().nsp().equals(this.name)
				|| !broadcast.packet().isEvent()) {
			return;
		}
		this.sockets.deliver(broadcast.packet(), broadcast.options());
	}

	@Override
	public void onRequest(ClassicRequest request) {
		this.requestHandler.onRequest(request);
	}

	@Override
	public void onResponse(ClassicResponse response) {
		this.requester.onResponse(response);
	}

	@Override
	public void onUnreadable(MessageKind kind, String what, @Nullable Exception cause) {
		switch (kind) {
			case REQUEST -> this.requestHandler.ignore(what, cause);
			case RESPONSE -> {
				this.observer.dropped(this.name, kind, "undecodable");
				logger.debug("Ignored an unreadable response on namespace {}: {}", this.name,
						(cause != null) ? cause.getMessage() : what);
			}
			default -> {
				this.observer.dropped(this.name, kind, (cause != null) ? "undecodable" : "unknown");
				long count = this.malformedBroadcasts.incrementAndGet();
				if (count == 1 || count % 1000 == 0) {
					logger.warn("Dropped {} undecodable broadcast(s) on namespace {}; latest: {}", count, this.name,
							(cause != null) ? cause.getMessage() : what);
				}
			}
		}
	}

	@Override
	public boolean hostsRoom(String room) {
		return this.sockets.hasRoom(room);
	}

	CompletableFuture<List<RemoteSocket>> fetchSockets(BroadcastOptions options, NamespaceAdapter handle) {
		return this.requester.fetchSockets(options, handle);
	}

	CompletableFuture<Set<String>> allRooms() {
		return this.requester.allRooms();
	}

	CompletableFuture<Void> applyEverywhere(RequestType type, BroadcastOptions options, List<String> rooms,
			boolean close) {
		return this.requester.applyEverywhere(type, options, rooms, close);
	}

	CompletableFuture<List<@Nullable Object>> emitWithAck(String event, List<@Nullable Object> args,
			BroadcastOptions options, Duration timeout) {
		return this.requester.emitWithAck(BroadcastPacket.event(this.name, event, args), options, timeout);
	}

	CompletableFuture<Void> serverSideEmit(String event, List<@Nullable Object> args) {
		return this.requester.serverSideEmit(event, args);
	}

	CompletableFuture<List<@Nullable Object>> serverSideEmitWithAck(String event, List<@Nullable Object> args,
			Duration timeout) {
		return this.requester.serverSideEmitWithAck(event, args, timeout);
	}

	void register(ServerSideEventListener listener) {
		this.requestHandler.register(listener);
	}

	/** Completes once broadcasts to these rooms, from every node, reach their local members. */
	CompletableFuture<Void> whenReceiving(List<String> rooms) {
		return this.transport.whenReceiving(rooms);
	}

	void onJoin(String room, String socketId) {
		this.rooms.join(room, socketId);
	}

	void onLeave(String room, String socketId) {
		this.rooms.leave(room, socketId);
	}

	@Override
	public int pendingRequests() {
		return this.pending.size();
	}

	@Override
	public long ignoredRequests() {
		return this.requestHandler.ignoredRequests();
	}

	@Override
	public long receivedMessages() {
		return this.transport.receivedMessages();
	}

	@Override
	public int localClients() {
		return this.sockets.count();
	}

	@Override
	public Map<String, Integer> localRooms() {
		return this.sockets.roomSizes();
	}

	@Override
	public int pendingRoomSubscriptions() {
		return this.transport.pendingRooms();
	}

	@Override
	public CompletableFuture<Long> countNodes() {
		return this.transport.countNodes();
	}

	@Override
	public CompletableFuture<Boolean> isSubscribed() {
		return this.transport.isSubscribed();
	}

	void close() {
		this.pending.failAll("The adapter of namespace " + this.name + " was closed");
		this.transport.close();
	}

}
