package dev.socketioredis.redis.lettuce;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import dev.socketioredis.redis.RedisPubSub.MessageHandler;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.api.async.RedisPubSubAsyncCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shard channels this node wants, each with its handler, kept subscribed on whichever node owns its slot.
 *
 * <p>
 * Lettuce routes each {@code SSUBSCRIBE} to the owner of the channel's slot, on a connection of its own, but does not
 * move the subscription when the owner changes (lettuce#3213): a master that dies takes its subscriptions with it, and
 * a migrated slot's channels are dropped by Redis (an {@code sunsubscribe} nobody asked for). So whenever a connection
 * drops or Redis drops a channel this node still wants, every wanted channel is subscribed again, after the topology
 * was read anew, until Redis confirmed them all; a channel that still had its subscription is not subscribed twice
 * (Redis keeps one per connection and channel).
 */
final class ShardChannelSubscriptions extends RedisPubSubAdapter<byte[], byte[]> {

	private static final Logger logger = LoggerFactory.getLogger(ShardChannelSubscriptions.class);

	private final Map<String, MessageHandler> handlers = new ConcurrentHashMap<>();

	private final Supplier<RedisPubSubAsyncCommands<byte[], byte[]>> commands;

	private final Runnable refreshTopology;

	private final ScheduledExecutorService worker;

	private final Duration retryDelay;

	private final Duration commandTimeout;

	private final AtomicBoolean resubscriptionPending = new AtomicBoolean();

	/**
	 * @param commands the subscriber connection's commands, connected on first use
	 * @param refreshTopology reads which node owns which slots anew (nothing to do on a standalone Redis)
	 * @param worker the thread resubscriptions run on
	 * @param retryDelay how long to wait before trying again when Redis refused
	 * @param commandTimeout how long to wait for Redis to confirm a subscription
	 */
	ShardChannelSubscriptions(Supplier<RedisPubSubAsyncCommands<byte[], byte[]>> commands,
			Runnable refreshTopology, ScheduledExecutorService worker, Duration retryDelay, Duration commandTimeout) {
		this.commands = commands;
		this.refreshTopology = refreshTopology;
		this.worker = worker;
		this.retryDelay = retryDelay;
		this.commandTimeout = commandTimeout;
	}

	/**
	 * {@code SSUBSCRIBE}s to each channel; returns once Redis confirmed them all.
	 * @throws IllegalStateException when Redis refused or did not answer in time; the channels stay wanted
	 */
	void subscribe(Collection<String> channels, MessageHandler handler) {
		channels.forEach((channel) -> this.handlers.put(channel, handler));
		ssubscribe(channels);
	}

	/**
	 * No longer wants the channels and {@code SUNSUBSCRIBE}s from them.
	 * @throws IllegalStateException when Redis refused or did not answer in time: call again
	 */
	void unsubscribe(Collection<String> channels) {
		channels.forEach(this.handlers::remove);
		await(channels.stream().map((channel) -> commands().sunsubscribe(bytes(channel))).toList(), "SUNSUBSCRIBE");
	}

	@Override
	public void smessage(byte[] shardChannel, byte[] message) {
		MessageHandler handler = this.handlers.get(string(shardChannel));
		if (handler != null) {
			handler.onMessage(string(shardChannel), message);
		}
	}

	/** Redis drops the subscriptions of a slot that moved to another node: follow it there. */
	@Override
	public void sunsubscribed(byte[] shardChannel, long count) {
		if (this.handlers.containsKey(string(shardChannel))) {
			resubscribeAll("Redis dropped the subscription of " + string(shardChannel));
		}
	}

	/** A connection dropped, or publishing to a shard failed: the topology may have changed. */
	void resubscribeAll(String reason) {
		if (!this.worker.isShutdown() && this.resubscriptionPending.compareAndSet(false, true)) {
			logger.debug("Subscribing to every shard channel again: {}", reason);
			try {
				this.worker.execute(this::resubscribe);
			}
			catch (RejectedExecutionException ex) {
				// closed meanwhile
			}
		}
	}

	private void resubscribe() {
		this.resubscriptionPending.set(false);
		try {
			this.refreshTopology.run();
			List<String> channels = List.copyOf(this.handlers.keySet());
			ssubscribe(channels);
			logger.debug("{} shard channel(s) subscribed again", channels.size());
		}
		catch (RuntimeException ex) {
			logger.debug("Could not subscribe to every shard channel again, retrying in {}: {}", this.retryDelay,
					ex.toString());
			if (!this.worker.isShutdown() && this.resubscriptionPending.compareAndSet(false, true)) {
				this.worker.schedule(this::resubscribe, this.retryDelay.toMillis(), TimeUnit.MILLISECONDS);
			}
		}
	}

	/** One command per channel: channels of several slots may live on several nodes. */
	private void ssubscribe(Collection<String> channels) {
		await(channels.stream().map((channel) -> commands().ssubscribe(bytes(channel))).toList(), "SSUBSCRIBE");
	}

	private RedisPubSubAsyncCommands<byte[], byte[]> commands() {
		return this.commands.get();
	}

	private void await(List<RedisFuture<Void>> commands, String name) {
		try {
			CompletableFuture.allOf(commands.stream().map(RedisFuture::toCompletableFuture)
				.toArray(CompletableFuture[]::new)).get(this.commandTimeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(name + " failed: " + ex.getCause().getMessage(), ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException(name + " got no answer within " + this.commandTimeout, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(name + " interrupted", ex);
		}
	}

	static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

	private static String string(byte[] value) {
		return new String(value, StandardCharsets.UTF_8);
	}

}
