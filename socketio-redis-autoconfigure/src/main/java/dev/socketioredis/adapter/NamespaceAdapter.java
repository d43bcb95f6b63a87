package dev.socketioredis.adapter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.corundumstudio.socketio.SocketIOClient;
import dev.socketioredis.adapter.AdapterObserver.MessageKind;
import dev.socketioredis.protocol.BroadcastMessage;
import dev.socketioredis.protocol.BroadcastOptions;
import dev.socketioredis.protocol.BroadcastPacket;
import dev.socketioredis.protocol.ClassicCodec;
import dev.socketioredis.protocol.ClassicRequest;
import dev.socketioredis.protocol.ClassicResponse;
import dev.socketioredis.protocol.MalformedMessageException;
import dev.socketioredis.protocol.RequestType;
import dev.socketioredis.redis.RedisPubSub;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster adapter of one namespace, as {@code @socket.io/redis-adapter} has one per namespace: it delivers
 * broadcasts to local clients and publishes them for the other nodes in the Node format, and delivers the broadcasts
 * of other nodes and emitters to local clients.
 *
 * <p>
 * Subscriptions, as the Node adapter makes them: a {@code PSUBSCRIBE key#nsp#*}, or with channel multiplexing a
 * {@code SUBSCRIBE key#nsp#} plus one per room with a local member.
 */
public final class NamespaceAdapter implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(NamespaceAdapter.class);

	private static final BroadcastOptions WHOLE_NAMESPACE = BroadcastOptions
		.wholeNamespace(BroadcastOptions.Layout.ADAPTER);

	private final String name;

	private final String uid = AdapterUid.generate();

	private final ClusterSettings settings;

	private final LocalSockets sockets;

	private final LocalRooms rooms;

	private final @Nullable RoomChannelSubscriptions roomSubscriptions;

	private final RedisFailureLog publishFailures;

	private final PendingRequests pending;

	private final Requester requester;

	private final RequestHandler requestHandler;

	private final List<RedisPubSub.Subscription> subscriptions = new CopyOnWriteArrayList<>();

	private final AtomicLong receivedMessages = new AtomicLong();

	private final AtomicLong malformedMessages = new AtomicLong();

	NamespaceAdapter(String name, LocalSockets sockets, ClusterSettings settings,
			ScheduledExecutorService roomSubscriber, ScheduledExecutorService timer) {
		this.name = name;
		this.sockets = sockets;
		this.settings = settings;
		this.publishFailures = RedisFailureLog.publishing(name);
		this.pending = new PendingRequests(timer);
		this.requester = new Requester(this, sockets, this.pending, settings.requestsTimeout());
		this.requestHandler = new RequestHandler(this, sockets, this.pending);
		settings.serverSideEventListeners()
			.stream()
			.filter((listener) -> listener.namespace().equals(name))
			.forEach(this.requestHandler::register);
		List<RoomEventListener> listeners = new ArrayList<>(settings.roomEventListeners());
		if (settings.channelMultiplexing()) {
			this.roomSubscriptions = new RoomChannelSubscriptions(name, settings, this::onBroadcast, roomSubscriber);
			listeners.add(this.roomSubscriptions);
		}
		else {
			this.roomSubscriptions = null;
		}
		this.rooms = new LocalRooms(name, listeners);
	}

	/** The namespace, in its Socket.IO form ({@code /}, {@code /admin}). */
	public String name() {
		return this.name;
	}

	/** The uid this node publishes this namespace's messages with. */
	public String uid() {
		return this.uid;
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
		return this.requester.allRooms();
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
		return this.requester.serverSideEmit(event, Arrays.asList(args));
	}

	/**
	 * Sends an event to the other nodes and collects their acknowledgements, within {@code socketio.redis.requests-timeout}.
	 * @return every other node's answer; fails with a {@link RequestTimeoutException} carrying the answers that arrived
	 */
	public CompletableFuture<List<@Nullable Object>> serverSideEmitWithAck(String event, @Nullable Object... args) {
		return serverSideEmitWithAck(this.settings.requestsTimeout(), event, args);
	}

	/** {@link #serverSideEmitWithAck(String, Object...)} with a timeout of its own. */
	public CompletableFuture<List<@Nullable Object>> serverSideEmitWithAck(Duration timeout, String event,
			@Nullable Object... args) {
		return this.requester.serverSideEmitWithAck(event, Arrays.asList(args), timeout);
	}

	/** Registers a listener of the events other nodes send with {@code serverSideEmit}. */
	public void onServerSideEmit(String event, Function<List<@Nullable Object>, @Nullable Object> listener) {
		this.requestHandler.register(ServerSideEventListener.of(event, listener));
	}

	/** Requests waiting for answers, for monitoring. */
	public int pendingRequests() {
		return this.pending.size();
	}

	/** Requests from other nodes that could not be read. */
	public long ignoredRequests() {
		return this.requestHandler.ignoredRequests();
	}

	/** Messages received from Redis for this namespace, including this node's own and those dropped unread. */
	public long receivedMessages() {
		return this.receivedMessages.get();
	}

	void subscribe() {
		RedisPubSub pubSub = this.settings.pubSub();
		// exactly one SUBSCRIBE to the request channel: Node requesters count the nodes with PUBSUB NUMSUB
		this.subscriptions.add(pubSub.subscribe(this.settings.channels().request(this.name), (channel, message) -> {
			observer().received(this.name, MessageKind.REQUEST, message.length);
			this.requestHandler.onRequest(message);
		}));
		this.subscriptions.add(pubSub.subscribe(this.settings.channels().response(this.name), this::onResponse));
		this.subscriptions.add(pubSub.subscribe(this.settings.channels().response(this.name, this.uid),
				this::onResponse));
		if (this.settings.channelMultiplexing()) {
			this.subscriptions.add(pubSub.subscribe(this.settings.channels().broadcast(this.name), this::onBroadcast));
		}
		else {
			this.subscriptions.add(pubSub.psubscribe(this.settings.channels().broadcastPattern(this.name),
					this::onBroadcast));
		}
	}

	CompletableFuture<Void> broadcast(String event, List<@Nullable Object> args, BroadcastOptions options,
			boolean local) {
		BroadcastPacket packet = BroadcastPacket.event(this.name, event, args);
		// encoded before any delivery, so that an argument that cannot be written fails the call, not half of it
		byte[] message = local ? null : this.settings.codec().encode(new BroadcastMessage(this.uid, packet, options));
		this.sockets.deliver(packet, options);
		return (message != null) ? publish(message, options) : CompletableFuture.completedFuture(null);
	}

	/** Publishes a broadcast whose local delivery is already done. */
	void publish(BroadcastPacket packet, BroadcastOptions options) {
		publish(this.settings.codec().encode(new BroadcastMessage(this.uid, packet, options)), options);
	}

	private CompletableFuture<Void> publish(byte[] message, BroadcastOptions options) {
		return publish(this.settings.channels().channelFor(this.name, options.rooms()), message,
				MessageKind.BROADCAST);
	}

	private CompletableFuture<Void> publish(String channel, byte[] message, MessageKind kind) {
		observer().published(this.name, kind, message.length);
		return this.settings.pubSub().publish(channel, message).handle((receivers, failure) -> {
			if (failure != null) {
				observer().publishFailed(this.name, kind);
				this.publishFailures.failed(failure);
				throw (failure instanceof RuntimeException ex) ? ex : new IllegalStateException(failure);
			}
			this.publishFailures.succeeded();
			return null;
		});
	}

	void onBroadcast(String channel, byte[] message) {
		this.receivedMessages.incrementAndGet();
		observer().received(this.name, MessageKind.BROADCAST, message.length);
		Optional<String> room = this.settings.channels().roomOf(this.name, channel);
		if (room.isPresent() && !this.sockets.hasRoom(room.get())) {
			return; // no local member: skip the decoding, as the Node adapter does
		}
		BroadcastMessage broadcast;
		try {
			broadcast = this.settings.codec().decode(message);
		}
		catch (MalformedMessageException ex) {
			observer().dropped(this.name, MessageKind.BROADCAST, "undecodable");
			long count = this.malformedMessages.incrementAndGet();
			if (count == 1 || count % 1000 == 0) {
				logger.warn("Dropped {} undecodable message(s) on {}; latest: {}", count, channel, ex.getMessage());
			}
			return;
		}
		if (broadcast.uid().equals(this.uid) || !broadcast.packet().nsp().equals(this.name)
				|| !broadcast.packet().isEvent()) {
			return;
		}
		this.sockets.deliver(broadcast.packet(), broadcast.options());
	}

	private void onResponse(String channel, byte[] message) {
		observer().received(this.name, MessageKind.RESPONSE, message.length);
		try {
			this.requester.onResponse(messageCodec().decodeResponse(message));
		}
		catch (MalformedMessageException | RuntimeException ex) {
			observer().dropped(this.name, MessageKind.RESPONSE, "undecodable");
			logger.debug("Ignored an unreadable response on {}: {}", channel, ex.getMessage());
		}
	}

	CompletableFuture<List<RemoteSocket>> fetchSockets(BroadcastOptions options) {
		return this.requester.fetchSockets(options);
	}

	CompletableFuture<Void> applyEverywhere(RequestType type, BroadcastOptions options, List<String> rooms,
			boolean close) {
		return this.requester.applyEverywhere(type, options, rooms, close);
	}

	CompletableFuture<List<@Nullable Object>> emitWithAck(String event, List<@Nullable Object> args,
			BroadcastOptions options, Duration timeout) {
		return this.requester.emitWithAck(BroadcastPacket.event(this.name, event, args), options, timeout);
	}

	AdapterObserver observer() {
		return this.settings.observer();
	}

	/**
	 * Whether Redis has this node's subscriptions: only this adapter subscribes to its own response channel, so
	 * {@code PUBSUB NUMSUB} of it says whether the subscriber connection is up and subscribed.
	 */
	public CompletableFuture<Boolean> isSubscribed() {
		return this.settings.pubSub()
			.countSubscribers(this.settings.channels().response(this.name, this.uid))
			.thenApply((subscribers) -> subscribers > 0);
	}

	/** Clients of this namespace connected to this node. */
	public int localClients() {
		return this.sockets.count();
	}

	/** Rooms with a member on this node, socket-id rooms included. */
	public Map<String, Integer> localRooms() {
		return this.sockets.roomSizes();
	}

	ClassicCodec messageCodec() {
		return this.settings.messageCodec();
	}

	/** {@code PUBSUB NUMSUB} of the request channel: the nodes of the cluster, this one included. */
	public CompletableFuture<Long> countNodes() {
		return this.settings.pubSub().countSubscribers(this.settings.channels().request(this.name));
	}

	CompletableFuture<Void> publishRequest(ClassicRequest request) {
		return publish(this.settings.channels().request(this.name), messageCodec().encode(request),
				MessageKind.REQUEST);
	}

	/**
	 * Answers a request: on the requester's own channel when {@code publish-on-specific-response-channel} is on and the
	 * requester is known, else on the common one.
	 */
	void publishResponse(@Nullable String requesterUid, ClassicResponse response) {
		String channel = (this.settings.publishOnSpecificResponseChannel() && requesterUid != null)
				? this.settings.channels().response(this.name, requesterUid)
				: this.settings.channels().response(this.name);
		publish(channel, messageCodec().encode(response), MessageKind.RESPONSE);
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
		if (!namespace.equals(this.name)) {
			throw new IllegalArgumentException(
					"The client is a socket of namespace " + namespace + ", not of " + this.name);
		}
		client.joinRooms(Set.of(rooms));
		if (this.roomSubscriptions == null) {
			return CompletableFuture.completedFuture(null);
		}
		List<String> awaited = new ArrayList<>(Arrays.asList(rooms));
		awaited.add(client.getSessionId().toString());
		return this.roomSubscriptions.whenSubscribed(awaited);
	}

	/** Rooms with a local member that this node has not subscribed to yet (channel multiplexing only). */
	public int pendingRoomSubscriptions() {
		return (this.roomSubscriptions != null) ? this.roomSubscriptions.pending() : 0;
	}

	void onJoin(String room, String socketId) {
		this.rooms.join(room, socketId);
	}

	void onLeave(String room, String socketId) {
		this.rooms.leave(room, socketId);
	}

	@Override
	public void close() {
		this.pending.failAll("The adapter of namespace " + this.name + " was closed");
		this.subscriptions.forEach(NamespaceAdapter::closeIfRedisIsThere);
		this.subscriptions.clear();
		if (this.roomSubscriptions != null) {
			this.roomSubscriptions.close();
		}
	}

	/** Closing unsubscribes, which fails while Redis is away: the connection is closed next anyway. */
	private static void closeIfRedisIsThere(RedisPubSub.Subscription subscription) {
		try {
			subscription.close();
		}
		catch (RuntimeException ex) {
			logger.debug("Could not unsubscribe: {}", ex.toString());
		}
	}

}
