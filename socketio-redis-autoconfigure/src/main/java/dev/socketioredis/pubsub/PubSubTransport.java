package dev.socketioredis.pubsub;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

import dev.socketioredis.adapter.AdapterObserver;
import dev.socketioredis.adapter.AdapterObserver.MessageKind;
import dev.socketioredis.adapter.ClusterTransport;
import dev.socketioredis.protocol.BroadcastMessage;
import dev.socketioredis.protocol.ChannelNames;
import dev.socketioredis.protocol.ClassicRequest;
import dev.socketioredis.protocol.ClassicResponse;
import dev.socketioredis.protocol.MalformedMessageException;
import dev.socketioredis.redis.RedisPubSub;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The classic Redis pub/sub transport of one namespace, the channels and messages of
 * {@code @socket.io/redis-adapter}'s {@code createAdapter}: broadcasts on {@code key#nsp#} (or {@code key#nsp#room#}
 * for one room), requests on {@code key-request#nsp#}, answers on {@code key-response#nsp#} (or the requester's own
 * {@code key-response#nsp#uid#}). It subscribes as the Node adapter does: a {@code PSUBSCRIBE key#nsp#*}, or with
 * channel multiplexing a {@code SUBSCRIBE key#nsp#} plus one per room with a local member.
 */
final class PubSubTransport implements ClusterTransport {

	private static final Logger logger = LoggerFactory.getLogger(PubSubTransport.class);

	private final String namespace;

	private final String uid;

	/** The uid in UTF-8, as the node's broadcasts carry it first. */
	private final byte[] uidBytes;

	private final PubSubSettings settings;

	private final ChannelNames channels;

	private final AdapterObserver observer;

	private final ObservedPublishing publishing;

	private final RoomChannels roomChannels;

	private final List<RedisPubSub.Subscription> subscriptions = new CopyOnWriteArrayList<>();

	private final AtomicLong receivedMessages = new AtomicLong();

	/**
	 * Set when the engine starts, before its SUBSCRIBEs. Until then no message reaches it: with channel multiplexing,
	 * a room channel can be subscribed before the engine of a namespace whose start was left to another thread (its
	 * first socket arrived on an event loop), and a node takes part in the cluster once it has started.
	 */
	private volatile @Nullable Listener listener;

	PubSubTransport(String namespace, String uid, PubSubSettings settings, ScheduledExecutorService roomSubscriber) {
		this.namespace = namespace;
		this.uid = uid;
		this.uidBytes = uid.getBytes(StandardCharsets.UTF_8);
		this.settings = settings;
		this.channels = settings.channels();
		this.observer = settings.observer();
		this.publishing = new ObservedPublishing(namespace, this.observer);
		this.roomChannels = settings.channelMultiplexing()
				? new RoomChannelSubscriptions(namespace, this.channels, settings.pubSub().channelSet(this::onBroadcast),
						roomSubscriber, settings.redisRetryDelay(), this.observer)
				: RoomChannels.NONE;
	}

	@Override
	public void start(Listener listener) {
		this.listener = listener;
		RedisPubSub pubSub = this.settings.pubSub();
		// exactly one SUBSCRIBE to the request channel: Node requesters count the nodes with PUBSUB NUMSUB
		this.subscriptions.add(pubSub.subscribe(this.channels.request(this.namespace), this::onRequest));
		this.subscriptions.add(pubSub.subscribe(this.channels.response(this.namespace), this::onResponse));
		this.subscriptions.add(pubSub.subscribe(this.channels.response(this.namespace, this.uid), this::onResponse));
		if (this.roomChannels != RoomChannels.NONE) {
			this.subscriptions.add(pubSub.subscribe(this.channels.broadcast(this.namespace), this::onBroadcast));
		}
		else {
			this.subscriptions.add(pubSub.psubscribe(this.channels.broadcastPattern(this.namespace),
					this::onBroadcast));
		}
	}

	/** Encodes at once, so that an argument that cannot be written fails the caller. */
	@Override
	public CompletableFuture<Void> publish(BroadcastMessage broadcast) {
		return publish(this.channels.channelFor(this.namespace, broadcast.options().rooms()),
				this.settings.codec().encode(broadcast), MessageKind.BROADCAST);
	}

	@Override
	public CompletableFuture<Void> publish(ClassicRequest request) {
		return publish(this.channels.request(this.namespace), this.settings.messageCodec().encode(request),
				MessageKind.REQUEST);
	}

	/**
	 * On the requester's own channel when {@code publish-on-specific-response-channel} is on and the requester is
	 * known, else on the common one; acknowledgements of server-side emits always on the common one, as Node's classic
	 * adapter sends them.
	 */
	@Override
	public CompletableFuture<Void> publish(@Nullable String requesterUid, ClassicResponse response) {
		boolean toRequesterAlone = this.settings.publishOnSpecificResponseChannel() && requesterUid != null
				&& !(response instanceof ClassicResponse.ServerSideEmitAck);
		String channel = toRequesterAlone ? this.channels.response(this.namespace, requesterUid)
				: this.channels.response(this.namespace);
		return publish(channel, this.settings.messageCodec().encode(response), MessageKind.RESPONSE);
	}

	private CompletableFuture<Void> publish(String channel, byte[] message, MessageKind kind) {
		return this.publishing.publish(kind, message, (bytes) -> this.settings.pubSub().publish(channel, bytes));
	}

	private void onBroadcast(String channel, byte[] message) {
		this.receivedMessages.incrementAndGet();
		this.observer.received(this.namespace, MessageKind.BROADCAST, message.length);
		Listener listener = this.listener;
		if (listener == null) {
			return; // not started yet: see the listener
		}
		Optional<String> room = this.channels.roomOf(this.namespace, channel);
		if (room.isPresent() && !listener.hostsRoom(room.get())) {
			return; // no local member: skip the decoding, as the Node adapter does
		}
		if (this.settings.codec().isPublishedBy(message, this.uidBytes)) {
			return; // its own broadcast, delivered locally when it was made
		}
		try {
			listener.onBroadcast(this.settings.codec().decode(message));
		}
		catch (MalformedMessageException ex) {
			listener.onUnreadable(MessageKind.BROADCAST, "a message on " + channel, ex);
		}
	}

	private void onRequest(String channel, byte[] message) {
		this.observer.received(this.namespace, MessageKind.REQUEST, message.length);
		Listener listener = this.listener;
		if (listener == null) {
			return; // not started yet: see the listener
		}
		try {
			Optional<ClassicRequest> request = this.settings.messageCodec().decodeRequest(message);
			if (request.isPresent()) {
				listener.onRequest(request.get());
			}
			else {
				listener.onUnreadable(MessageKind.REQUEST, "a message of no known request type", null);
			}
		}
		catch (MalformedMessageException | RuntimeException ex) {
			listener.onUnreadable(MessageKind.REQUEST, "an unreadable request", ex);
		}
	}

	private void onResponse(String channel, byte[] message) {
		this.observer.received(this.namespace, MessageKind.RESPONSE, message.length);
		Listener listener = this.listener;
		if (listener == null) {
			return; // not started yet: see the listener
		}
		try {
			listener.onResponse(this.settings.messageCodec().decodeResponse(message));
		}
		catch (MalformedMessageException | RuntimeException ex) {
			listener.onUnreadable(MessageKind.RESPONSE, "an unreadable response on " + channel, ex);
		}
	}

	/** {@code PUBSUB NUMSUB} of the request channel: the nodes of the cluster, this one included. */
	@Override
	public CompletableFuture<Long> countNodes() {
		return this.settings.pubSub().countSubscribers(this.channels.request(this.namespace));
	}

	/**
	 * Only this node subscribes to its own response channel, so {@code PUBSUB NUMSUB} of it says whether the
	 * subscriber connection is up and subscribed.
	 */
	@Override
	public CompletableFuture<Boolean> isSubscribed() {
		return this.settings.pubSub()
			.countSubscribers(this.channels.response(this.namespace, this.uid))
			.thenApply((subscribers) -> subscribers > 0);
	}

	@Override
	public void roomCreated(String room) {
		this.roomChannels.roomCreated(room);
	}

	@Override
	public void roomDeleted(String room) {
		this.roomChannels.roomDeleted(room);
	}

	/** At once with the namespace's pattern subscription; with multiplexing, once the rooms' channels are. */
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

	@Override
	public void close() {
		this.subscriptions.forEach(PubSubTransport::closeIfRedisIsThere);
		this.subscriptions.clear();
		this.roomChannels.close();
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
