package dev.socketioredis.pubsub;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.socketioredis.adapter.AdapterObserver;
import dev.socketioredis.protocol.ChannelNames;
import dev.socketioredis.redis.RedisPubSub;

/**
 * A channel per room: this node subscribes to the channel of each room with a local member, so that it receives no
 * traffic for rooms it does not host (channel multiplexing on Redis pub/sub, the dynamic modes on sharded pub/sub).
 *
 * <p>
 * Rooms change on Netty event loops and subscribing waits for Redis, so the subscriptions follow the rooms on a
 * background thread, in passes: each pass {@code UNSUBSCRIBE}s from every room deleted since the last one and
 * {@code SUBSCRIBE}s to every room created, one command each, so that however many rooms change at once a room waits
 * for about one round trip to Redis. A pass Redis refused (it is away) is made again after the retry delay, until it
 * takes: a room created during an outage is subscribed once Redis is back.
 */
final class RoomChannelSubscriptions implements RoomChannels {

	private final String namespace;

	private final ChannelNames channels;

	private final RedisPubSub.ChannelSet channelSet;

	private final ScheduledExecutorService worker;

	private final Duration retryDelay;

	private final AdapterObserver observer;

	private final RedisFailureLog failures;

	/** Rooms with a local member, each with the time it got its first one (for the subscription lag). */
	private final Map<String, Long> wanted = new ConcurrentHashMap<>();

	/** Rooms whose channel Redis confirmed; changed by passes only. */
	private final Set<String> subscribed = ConcurrentHashMap.newKeySet();

	private final Map<String, CompletableFuture<Void>> waiters = new ConcurrentHashMap<>();

	private final AtomicBoolean passPending = new AtomicBoolean();

	private volatile boolean closed;

	/**
	 * @param channels the names of the room channels
	 * @param channelSet the channels, subscribed and unsubscribed in batches
	 * @param worker the thread the passes run on
	 * @param retryDelay how long to wait before a pass Redis refused is made again
	 * @param observer told how long rooms waited for their channel
	 */
	RoomChannelSubscriptions(String namespace, ChannelNames channels, RedisPubSub.ChannelSet channelSet,
			ScheduledExecutorService worker, Duration retryDelay, AdapterObserver observer) {
		this.namespace = namespace;
		this.channels = channels;
		this.channelSet = channelSet;
		this.worker = worker;
		this.retryDelay = retryDelay;
		this.observer = observer;
		this.failures = RedisFailureLog.roomSubscriptions(namespace);
	}

	/** The thread the passes of every namespace's room subscriptions run on, off the Netty event loops. */
	static ScheduledExecutorService newWorker() {
		return Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "socketio-redis-room-subscriber");
			thread.setDaemon(true);
			return thread;
		});
	}

	@Override
	public void roomCreated(String room) {
		this.wanted.put(room, System.nanoTime());
		requestPass();
	}

	@Override
	public void roomDeleted(String room) {
		this.wanted.remove(room);
		requestPass();
	}

	/**
	 * Completes once this node receives the broadcasts to these rooms: at once for a room already subscribed, or one
	 * that has no local member (nothing to wait for).
	 */
	@Override
	public CompletableFuture<Void> whenSubscribed(List<String> rooms) {
		return CompletableFuture.allOf(rooms.stream().map(this::whenSubscribed).toArray(CompletableFuture[]::new));
	}

	private CompletableFuture<Void> whenSubscribed(String room) {
		if (isSettled(room)) {
			return CompletableFuture.completedFuture(null);
		}
		CompletableFuture<Void> waiter = this.waiters.computeIfAbsent(room, (name) -> new CompletableFuture<>());
		// a pass may have settled the room between the check and the registration, without seeing the waiter
		if (isSettled(room)) {
			release(room);
		}
		return waiter;
	}

	private boolean isSettled(String room) {
		return this.subscribed.contains(room) || !this.wanted.containsKey(room);
	}

	/** Rooms with a local member whose channel is not subscribed yet. */
	@Override
	public int pending() {
		return (int) this.wanted.keySet().stream().filter((room) -> !this.subscribed.contains(room)).count();
	}

	private void requestPass() {
		if (!this.closed && this.passPending.compareAndSet(false, true)) {
			this.worker.execute(this::pass);
		}
	}

	private void pass() {
		this.passPending.set(false);
		if (this.closed) {
			return;
		}
		List<String> deleted = this.subscribed.stream().filter((room) -> !this.wanted.containsKey(room)).toList();
		List<String> created = this.wanted.keySet().stream().filter((room) -> !this.subscribed.contains(room)).toList();
		try {
			if (!deleted.isEmpty()) {
				this.channelSet.unsubscribe(channelsOf(deleted));
				deleted.forEach(this.subscribed::remove);
			}
			if (!created.isEmpty()) {
				this.channelSet.subscribe(channelsOf(created));
				this.subscribed.addAll(created);
				recordLag(created);
			}
			this.failures.succeeded();
		}
		catch (RuntimeException ex) {
			this.failures.failed(ex);
			this.worker.schedule(this::requestPass, this.retryDelay.toNanos(), TimeUnit.NANOSECONDS);
		}
		// rooms subscribed, and rooms deleted before they were: nobody waits for them any more
		List.copyOf(this.waiters.keySet()).stream().filter(this::isSettled).forEach(this::release);
	}

	private void recordLag(List<String> rooms) {
		long now = System.nanoTime();
		for (String room : rooms) {
			Long createdAt = this.wanted.get(room);
			if (createdAt != null) {
				this.observer.roomSubscribed(this.namespace, Duration.ofNanos(now - createdAt));
			}
		}
	}

	private void release(String room) {
		CompletableFuture<Void> waiter = this.waiters.remove(room);
		if (waiter != null) {
			waiter.complete(null);
		}
	}

	private List<String> channelsOf(List<String> rooms) {
		return rooms.stream().map((room) -> this.channels.room(this.namespace, room)).toList();
	}

	/** Unsubscribes from every room, if Redis can be reached: the connection is closed next anyway. */
	@Override
	public void close() {
		this.closed = true;
		IllegalStateException closedException = new IllegalStateException(
				"The adapter of namespace " + this.namespace + " was closed");
		this.waiters.values().forEach((waiter) -> waiter.completeExceptionally(closedException));
		this.waiters.clear();
		if (!this.subscribed.isEmpty()) {
			try {
				this.channelSet.unsubscribe(channelsOf(List.copyOf(this.subscribed)));
			}
			catch (RuntimeException ex) {
				// Redis is away
			}
			this.subscribed.clear();
		}
	}

}
