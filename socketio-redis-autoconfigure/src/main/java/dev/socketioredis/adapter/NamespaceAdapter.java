package dev.socketioredis.adapter;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import dev.socketioredis.protocol.BroadcastCodec;
import dev.socketioredis.protocol.BroadcastMessage;
import dev.socketioredis.protocol.BroadcastOptions;
import dev.socketioredis.protocol.BroadcastPacket;
import dev.socketioredis.protocol.ChannelNames;
import dev.socketioredis.protocol.MalformedMessageException;
import dev.socketioredis.redis.RedisPubSub;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster adapter of one namespace, as {@code @socket.io/redis-adapter} has one per namespace: it publishes this
 * node's broadcasts in the Node format and delivers the broadcasts of other nodes and emitters to local clients.
 */
public final class NamespaceAdapter implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(NamespaceAdapter.class);

	private final String name;

	private final String uid = AdapterUid.generate();

	private final ChannelNames channels;

	private final RedisPubSub pubSub;

	private final BroadcastCodec codec;

	private final LocalSockets sockets;

	private final PublishFailureLog publishFailures;

	private final List<RedisPubSub.Subscription> subscriptions = new CopyOnWriteArrayList<>();

	private final AtomicLong malformedMessages = new AtomicLong();

	NamespaceAdapter(String name, LocalSockets sockets, ChannelNames channels, RedisPubSub pubSub,
			BroadcastCodec codec) {
		this.name = name;
		this.sockets = sockets;
		this.channels = channels;
		this.pubSub = pubSub;
		this.codec = codec;
		this.publishFailures = new PublishFailureLog(name);
	}

	/** The namespace, in its Socket.IO form ({@code /}, {@code /admin}). */
	public String name() {
		return this.name;
	}

	/** The uid this node publishes this namespace's messages with. */
	public String uid() {
		return this.uid;
	}

	void subscribe() {
		this.subscriptions.add(this.pubSub.psubscribe(this.channels.broadcastPattern(this.name), this::onBroadcast));
	}

	/** Publishes a broadcast whose local delivery is already done; encoded once, whatever the number of clients. */
	void publish(BroadcastPacket packet, BroadcastOptions options) {
		byte[] message = this.codec.encode(new BroadcastMessage(this.uid, packet, options));
		this.pubSub.publish(this.channels.channelFor(this.name, options.rooms()), message)
			.whenComplete((receivers, failure) -> {
				if (failure != null) {
					this.publishFailures.failed(failure);
				}
				else {
					this.publishFailures.published();
				}
			});
	}

	void onBroadcast(String channel, byte[] message) {
		Optional<String> room = this.channels.roomOf(this.name, channel);
		if (room.isPresent() && !this.sockets.hasRoom(room.get())) {
			return; // no local member: skip the decoding, as the Node adapter does
		}
		BroadcastMessage broadcast;
		try {
			broadcast = this.codec.decode(message);
		}
		catch (MalformedMessageException ex) {
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

	@Override
	public void close() {
		this.subscriptions.forEach(RedisPubSub.Subscription::close);
		this.subscriptions.clear();
	}

}
