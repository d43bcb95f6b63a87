package dev.socketioredis.pubsub;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

import dev.socketioredis.adapter.AdapterObserver;
import dev.socketioredis.adapter.AdapterObserver.MessageKind;
import dev.socketioredis.adapter.ClusterTransport;
import dev.socketioredis.protocol.BroadcastMessage;
import dev.socketioredis.protocol.ClassicRequest;
import dev.socketioredis.protocol.ClassicResponse;
import dev.socketioredis.protocol.ClusterAdapterMessage;
import dev.socketioredis.protocol.ClusterAdapterMessages;
import dev.socketioredis.protocol.MalformedMessageException;
import dev.socketioredis.protocol.Room;
import dev.socketioredis.protocol.ShardedChannels;
import dev.socketioredis.protocol.SubscriptionMode;
import dev.socketioredis.redis.RedisPubSub;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sharded transport of one namespace, wire-compatible with {@code createShardedAdapter} of
 * {@code @socket.io/redis-adapter}: {@code ClusterAdapter} messages (JSON, msgpack when they carry binary) on Redis 7
 * shard channels — {@code key#nsp#} for every node, {@code key#nsp#uid#} for this node's answers and, in the dynamic
 * subscription modes, {@code key#nsp#room#} for each room with a local member. Nodes are counted with
 * {@code PUBSUB SHARDNUMSUB}.
 *
 * <p>
 * Channels live on several shards, whose messages arrive on several threads: they are handed to the engine one at a
 * time.
 */
final class ShardedTransport implements ClusterTransport {

	private static final Logger logger = LoggerFactory.getLogger(ShardedTransport.class);

	private final String namespace;

	private final String uid;

	private final ShardedSettings settings;

	private final ShardedChannels channels;

	private final AdapterObserver observer;

	private final ObservedPublishing publishing;

	private final RedisPubSub.ChannelSet ownChannels;

	private final RoomChannels roomChannels;

	private final AtomicLong receivedMessages = new AtomicLong();

	private final Object dispatchLock = new Object();

	/** Set when the engine starts, before its SUBSCRIBEs: no message reaches it before (as in PubSubTransport). */
	private volatile @Nullable Listener listener;

	ShardedTransport(String namespace, String uid, ShardedSettings settings, ScheduledExecutorService roomSubscriber) {
		this.namespace = namespace;
		this.uid = uid;
		this.settings = settings;
		this.channels = settings.channels();
		this.observer = settings.observer();
		this.publishing = new ObservedPublishing(namespace, this.observer);
		this.ownChannels = settings.pubSub().channelSet(this::onMessage);
		this.roomChannels = (this.channels.mode() != SubscriptionMode.STATIC)
				? new RoomChannelSubscriptions(namespace, this.channels.names(),
						settings.pubSub().channelSet(this::onRoomMessage), roomSubscriber, settings.redisRetryDelay(),
						this.observer)
				: RoomChannels.NONE;
	}

	/** Subscribes to the namespace's channel and this node's answer channel; returns once Redis confirmed them. */
	@Override
	public void start(Listener listener) {
		this.listener = listener;
		this.ownChannels.subscribe(List.of(this.channels.namespace(this.namespace),
				this.channels.responses(this.namespace, this.uid)));
	}

	/** Encodes at once, so that an argument that cannot be written fails the caller. */
	@Override
	public CompletableFuture<Void> publish(BroadcastMessage broadcast) {
		return publish(ClusterAdapterMessages.broadcast(this.namespace, broadcast), MessageKind.BROADCAST);
	}

	@Override
	public CompletableFuture<Void> publish(ClassicRequest request) {
		Optional<ClusterAdapterMessage> message = ClusterAdapterMessages.request(this.namespace, request);
		if (message.isEmpty()) {
			return CompletableFuture.failedFuture(new UnsupportedOperationException("Node's sharded adapter has no "
					+ "message for a " + request.getClass().getSimpleName() + " request"));
		}
		return publish(message.get(), MessageKind.REQUEST);
	}

	private CompletableFuture<Void> publish(ClusterAdapterMessage message, MessageKind kind) {
		return publish(this.channels.channelFor(message), message, kind);
	}

	private CompletableFuture<Void> publish(String channel, ClusterAdapterMessage message, MessageKind kind) {
		return this.publishing.publish(kind, this.settings.codec().encode(message),
				(bytes) -> this.settings.pubSub().publish(channel, bytes));
	}

	/** On the requester's own channel: the format has no other. */
	@Override
	public CompletableFuture<Void> publish(@Nullable String requesterUid, ClassicResponse response) {
		Optional<ClusterAdapterMessage> message = ClusterAdapterMessages.response(this.uid, this.namespace, response);
		if (requesterUid == null || message.isEmpty()) {
			logger.debug("No answer to send on namespace {} for {} of {}", this.namespace, response, requesterUid);
			return CompletableFuture.completedFuture(null);
		}
		return publish(this.channels.responses(this.namespace, requesterUid), message.get(), MessageKind.RESPONSE);
	}

	private void onRoomMessage(String channel, byte[] message) {
		Optional<String> room = this.channels.names().roomOf(this.namespace, channel);
		Listener listener = this.listener;
		if (listener == null) {
			return; // not started yet
		}
		if (room.isPresent() && !listener.hostsRoom(room.get())) {
			this.receivedMessages.incrementAndGet();
			return; // no local member (any more): skip the decoding, as the Node adapter does
		}
		onMessage(channel, message);
	}

	private void onMessage(String channel, byte[] bytes) {
		Listener listener = this.listener;
		if (listener == null) {
			return; // not started yet
		}
		Optional<ClusterAdapterMessage> decoded;
		try {
			decoded = this.settings.codec().decode(bytes);
		}
		catch (MalformedMessageException | RuntimeException ex) {
			this.observer.received(this.namespace, MessageKind.BROADCAST, bytes.length);
			listener.onUnreadable(MessageKind.BROADCAST, "a message on " + channel, ex);
			return;
		}
		if (decoded.isEmpty()) {
			this.observer.received(this.namespace, MessageKind.REQUEST, bytes.length);
			listener.onUnreadable(MessageKind.REQUEST, "a message of no known type on " + channel, null);
			return;
		}
		ClusterAdapterMessage message = decoded.get();
		if (!message.nsp().equals(this.namespace)) {
			return;
		}
		synchronized (this.dispatchLock) {
			dispatch(message, bytes.length, listener);
		}
	}

	/** Hands the message to the engine in its own vocabulary, as Node's {@code ClusterAdapter.onMessage} reads it. */
	private void dispatch(ClusterAdapterMessage message, int size, Listener listener) {
		String uid = message.uid();
		if (message instanceof ClusterAdapterMessage.Broadcast broadcast) {
			String requestId = broadcast.requestId();
			if (requestId == null) {
				this.receivedMessages.incrementAndGet();
				this.observer.received(this.namespace, MessageKind.BROADCAST, size);
				listener.onBroadcast(new BroadcastMessage(uid, broadcast.packet(), broadcast.options()));
			}
			else {
				request(new ClassicRequest.BroadcastWithAck(uid, requestId, broadcast.packet(), broadcast.options()),
						size, listener);
			}
		}
		else if (message instanceof ClusterAdapterMessage.SocketsJoin join) {
			request(new ClassicRequest.SocketsJoin(uid, join.options(), join.rooms(), null), size, listener);
		}
		else if (message instanceof ClusterAdapterMessage.SocketsLeave leave) {
			request(new ClassicRequest.SocketsLeave(uid, leave.options(), leave.rooms(), null), size, listener);
		}
		else if (message instanceof ClusterAdapterMessage.DisconnectSockets disconnect) {
			request(new ClassicRequest.DisconnectSockets(uid, disconnect.options(), disconnect.close(), null), size,
					listener);
		}
		else if (message instanceof ClusterAdapterMessage.FetchSockets fetch) {
			request(new ClassicRequest.FetchSockets(uid, fetch.requestId(), fetch.options()), size, listener);
		}
		else if (message instanceof ClusterAdapterMessage.ServerSideEmit emit) {
			request(new ClassicRequest.ServerSideEmit(uid, emit.requestId(), emit.packet()), size, listener);
		}
		else if (message instanceof ClusterAdapterMessage.FetchSocketsResponse sockets) {
			response(new ClassicResponse.Sockets(sockets.requestId(), sockets.sockets()), size, listener);
		}
		else if (message instanceof ClusterAdapterMessage.ServerSideEmitResponse ack) {
			response(new ClassicResponse.ServerSideEmitAck(ack.requestId(), ack.packet()), size, listener);
		}
		else if (message instanceof ClusterAdapterMessage.BroadcastClientCount count) {
			response(new ClassicResponse.ClientCount(count.requestId(), count.clientCount()), size, listener);
		}
		else if (message instanceof ClusterAdapterMessage.BroadcastAck ack) {
			response(new ClassicResponse.ClientAck(ack.requestId(), ack.packet()), size, listener);
		}
		// heartbeats and closings: Node's sharded adapter sends none and counts nodes with SHARDNUMSUB
	}

	private void request(ClassicRequest request, int size, Listener listener) {
		this.observer.received(this.namespace, MessageKind.REQUEST, size);
		listener.onRequest(request);
	}

	private void response(ClassicResponse response, int size, Listener listener) {
		this.observer.received(this.namespace, MessageKind.RESPONSE, size);
		listener.onResponse(response);
	}

	@Override
	public boolean carriesAllRooms() {
		return false;
	}

	/** {@code PUBSUB SHARDNUMSUB} of the namespace's channel: the nodes of the cluster, this one included. */
	@Override
	public CompletableFuture<Long> countNodes() {
		return this.settings.pubSub().countSubscribers(this.channels.namespace(this.namespace));
	}

	/** Only this node subscribes to its own answer channel. */
	@Override
	public CompletableFuture<Boolean> isSubscribed() {
		return this.settings.pubSub()
			.countSubscribers(this.channels.responses(this.namespace, this.uid))
			.thenApply((subscribers) -> subscribers > 0);
	}

	@Override
	public void roomCreated(String room) {
		if (this.channels.hasChannel(Room.of(room))) {
			this.roomChannels.roomCreated(room);
		}
	}

	@Override
	public void roomDeleted(String room) {
		if (this.channels.hasChannel(Room.of(room))) {
			this.roomChannels.roomDeleted(room);
		}
	}

	/** At once in static mode and for rooms without a channel of their own; else once their channels are. */
	@Override
	public CompletableFuture<Void> whenReceiving(List<String> rooms) {
		return this.roomChannels.whenSubscribed(rooms);
	}

	@Override
	public long receivedMessages() {
		return this.receivedMessages.get();
	}

	@Override
	public int pendingRooms() {
		return this.roomChannels.pending();
	}

	/** Unsubscribes, as far as Redis can be reached: the connection is closed next anyway. */
	@Override
	public void close() {
		try {
			this.ownChannels.unsubscribe(List.of(this.channels.namespace(this.namespace),
					this.channels.responses(this.namespace, this.uid)));
		}
		catch (RuntimeException ex) {
			logger.debug("Could not unsubscribe: {}", ex.toString());
		}
		this.roomChannels.close();
	}

}
