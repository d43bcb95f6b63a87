package dev.socketioredis.redis.lettuce;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.socketioredis.redis.RedisPubSub;
import dev.socketioredis.redis.ShardedPubSub;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.BaseRedisAsyncCommands;
import io.lettuce.core.api.async.RedisServerAsyncCommands;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.protocol.CommandType;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.pubsub.api.async.RedisPubSubAsyncCommands;
import org.jspecify.annotations.Nullable;

/**
 * {@link ShardedPubSub} on a Lettuce client, a {@link RedisClusterClient} or a standalone {@link RedisClient} (the one
 * behind Spring Boot's {@code LettuceConnectionFactory}, with its settings). Two connections, made on first use: the
 * publisher ({@code SPUBLISH}, {@code PUBSUB SHARDNUMSUB}, routed by Lettuce to the owner of the channel's slot) and
 * the subscriber, whose subscriptions {@link ShardChannelSubscriptions} keeps on the channels' owners.
 */
public class LettuceShardedPubSub implements ShardedPubSub, AutoCloseable {

	private final AbstractRedisClient client;

	private final ShardChannelSubscriptions subscriptions;

	private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "socketio-redis-shard-subscriber");
		thread.setDaemon(true);
		return thread;
	});

	private final RedisConnectionStateListener disconnections;

	private final Duration commandTimeout;

	private final List<StatefulConnection<byte[], byte[]>> connections = new CopyOnWriteArrayList<>();

	private final PublishPipeline publishing = new PublishPipeline(CommandType.SPUBLISH, this::publisher);

	private volatile @Nullable StatefulConnection<byte[], byte[]> publisher;

	private volatile @Nullable StatefulRedisPubSubConnection<byte[], byte[]> subscriber;

	/**
	 * @param client the Lettuce client, a cluster client or a standalone one
	 * @param retryDelay how long to wait before subscribing again when Redis refused
	 * @param commandTimeout how long to wait for Redis to confirm a subscription
	 */
	public LettuceShardedPubSub(AbstractRedisClient client, Duration retryDelay, Duration commandTimeout) {
		if (!(client instanceof RedisClusterClient) && !(client instanceof RedisClient)) {
			throw new IllegalArgumentException("Sharded pub/sub needs a RedisClusterClient or a RedisClient, not a "
					+ client.getClass().getName());
		}
		this.client = client;
		this.commandTimeout = commandTimeout;
		this.subscriptions = new ShardChannelSubscriptions(this::subscriberCommands, this::refreshTopology,
				this.worker, retryDelay, commandTimeout);
		this.disconnections = new RedisConnectionStateListener() {

			/**
			 * Only a subscriber connection's: the topology is read on connections opened and closed for it, which
			 * would start the next reading.
			 */
			@Override
			public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
				if (connection instanceof StatefulRedisPubSubConnection) {
					LettuceShardedPubSub.this.subscriptions.resubscribeAll("a subscriber connection dropped");
				}
			}

		};
		client.addListener(this.disconnections);
	}

	@Override
	public CompletableFuture<Long> publish(String shardChannel, byte[] message) {
		return this.publishing.publish(ShardChannelSubscriptions.bytes(shardChannel), message)
			.whenComplete((receivers, failure) -> {
				if (failure != null) { // perhaps the shard moved: read the topology anew
					this.subscriptions.resubscribeAll("publishing failed: " + failure);
				}
			});
	}

	@Override
	public RedisPubSub.ChannelSet channelSet(RedisPubSub.MessageHandler handler) {
		this.publishing.connect(); // on the subscribing thread, not on an event loop
		return new RedisPubSub.ChannelSet() {

			@Override
			public void subscribe(Collection<String> channels) {
				LettuceShardedPubSub.this.subscriptions.subscribe(channels, handler);
			}

			@Override
			public void unsubscribe(Collection<String> channels) {
				LettuceShardedPubSub.this.subscriptions.unsubscribe(channels);
			}

		};
	}

	@Override
	public CompletableFuture<Long> countSubscribers(String shardChannel) {
		try {
			return publisherCommands().pubsubShardNumsub(ShardChannelSubscriptions.bytes(shardChannel))
				.toCompletableFuture()
				.thenApply((Map<byte[], Long> counts) -> counts.values().stream().mapToLong(Long::longValue).sum());
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	private BaseRedisAsyncCommands<byte[], byte[]> publisherCommands() {
		StatefulConnection<byte[], byte[]> connection = publisher();
		return (connection instanceof StatefulRedisClusterConnection<byte[], byte[]> cluster) ? cluster.async()
				: ((StatefulRedisConnection<byte[], byte[]>) connection).async();
	}

	private StatefulConnection<byte[], byte[]> publisher() {
		StatefulConnection<byte[], byte[]> connection = this.publisher;
		if (connection == null) {
			synchronized (this) {
				connection = this.publisher;
				if (connection == null) {
					if (this.client instanceof RedisClusterClient cluster) {
						StatefulRedisClusterConnection<byte[], byte[]> clusterConnection = cluster
							.connect(ByteArrayCodec.INSTANCE);
						checked(clusterConnection, clusterConnection.async());
						connection = clusterConnection;
					}
					else {
						StatefulRedisConnection<byte[], byte[]> standalone = ((RedisClient) this.client)
							.connect(ByteArrayCodec.INSTANCE);
						checked(standalone, standalone.async());
						connection = standalone;
					}
					this.publisher = connection;
				}
			}
		}
		return connection;
	}

	private RedisPubSubAsyncCommands<byte[], byte[]> subscriberCommands() {
		StatefulRedisPubSubConnection<byte[], byte[]> connection = this.subscriber;
		if (connection == null) {
			synchronized (this) {
				connection = this.subscriber;
				if (connection == null) {
					connection = (this.client instanceof RedisClusterClient cluster)
							? cluster.connectPubSub(ByteArrayCodec.INSTANCE)
							: ((RedisClient) this.client).connectPubSub(ByteArrayCodec.INSTANCE);
					checked(connection, connection.async());
					connection.addListener(this.subscriptions);
					this.subscriber = connection;
				}
			}
		}
		return connection.async();
	}

	/**
	 * Checks a new connection, so that an old Redis fails at start-up with a message that says why; closes it when the
	 * check fails.
	 */
	private <C extends RedisServerAsyncCommands<byte[], byte[]>> C checked(StatefulConnection<byte[], byte[]> connection,
			C commands) {
		try {
			requireShardedPubSub(commands);
			this.connections.add(connection);
			return commands;
		}
		catch (RuntimeException ex) {
			connection.close();
			throw ex;
		}
	}

	private void requireShardedPubSub(RedisServerAsyncCommands<byte[], byte[]> commands) {
		try {
			ShardedPubSubSupport.require(commands.info("server").get(this.commandTimeout.toMillis(),
					TimeUnit.MILLISECONDS));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while connecting to Redis", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Could not read the version of Redis: " + ex, ex);
		}
	}

	private void refreshTopology() {
		if (this.client instanceof RedisClusterClient cluster) {
			cluster.refreshPartitions();
		}
	}

	@Override
	public void close() {
		this.client.removeListener(this.disconnections);
		this.worker.shutdownNow();
		this.connections.forEach(StatefulConnection::close);
	}

}
