package dev.socketioredis.redis.springdata;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.socketioredis.redis.RedisPubSub;
import dev.socketioredis.redis.lettuce.PublishPipeline;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.cluster.api.async.RedisAdvancedClusterAsyncCommands;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.protocol.CommandType;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnection;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.PatternTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.data.redis.listener.Topic;

/**
 * {@link RedisPubSub} on Spring Data Redis: publishing and {@code PUBSUB NUMSUB} on a Lettuce connection (so no
 * caller ever blocks; the publishes an event loop makes in one turn are written together, see
 * {@link PublishPipeline}), subscriptions through a {@link RedisMessageListenerContainer}. Lettuce re-subscribes by
 * itself after a reconnect.
 */
public class SpringDataRedisPubSub implements RedisPubSub, DisposableBean {

	private final RedisConnectionFactory publisherConnectionFactory;

	private final RedisMessageListenerContainer listenerContainer;

	private final PublishPipeline publishing = new PublishPipeline(CommandType.PUBLISH,
			this::publisherStatefulConnection);

	private volatile @Nullable RedisConnection publisherConnection;

	/**
	 * @param publisherConnectionFactory the factory of the publisher role; must be Lettuce
	 * @param listenerContainer the container of the subscriber role; it must dispatch one message at a time, in
	 * order
	 */
	public SpringDataRedisPubSub(RedisConnectionFactory publisherConnectionFactory,
			RedisMessageListenerContainer listenerContainer) {
		if (!(publisherConnectionFactory instanceof LettuceConnectionFactory)) {
			throw new IllegalStateException("socketio-redis publishes through Lettuce, but the publisher connection "
					+ "factory is a " + publisherConnectionFactory.getClass().getName());
		}
		this.publisherConnectionFactory = publisherConnectionFactory;
		this.listenerContainer = listenerContainer;
	}

	/** Connects on first use, so that creating the bean needs no Redis. */
	@SuppressWarnings("unchecked")
	private RedisClusterAsyncCommands<byte[], byte[]> commands() {
		RedisConnection connection = this.publisherConnection;
		if (connection == null) {
			synchronized (this) {
				connection = this.publisherConnection;
				if (connection == null) {
					connection = this.publisherConnectionFactory.getConnection();
					this.publisherConnection = connection;
				}
			}
		}
		return (RedisClusterAsyncCommands<byte[], byte[]>) ((LettuceConnection) connection).getNativeConnection();
	}

	/** The Lettuce connection under the publisher's, a cluster connection on a Redis Cluster. */
	private StatefulConnection<byte[], byte[]> publisherStatefulConnection() {
		RedisClusterAsyncCommands<byte[], byte[]> commands = commands();
		if (commands instanceof RedisAdvancedClusterAsyncCommands<byte[], byte[]> cluster) {
			return cluster.getStatefulConnection();
		}
		return ((RedisAsyncCommands<byte[], byte[]>) commands).getStatefulConnection();
	}

	@Override
	public CompletableFuture<Long> publish(String channel, byte[] message) {
		return this.publishing.publish(bytes(channel), message);
	}

	@Override
	public Subscription subscribe(String channel, MessageHandler handler) {
		return listen(new ChannelTopic(channel), handler);
	}

	@Override
	public Subscription psubscribe(String pattern, MessageHandler handler) {
		return listen(new PatternTopic(pattern), handler);
	}

	private Subscription listen(Topic topic, MessageHandler handler) {
		this.publishing.connect(); // on the subscribing thread, not on an event loop
		MessageListener listener = listener(handler);
		this.listenerContainer.addMessageListener(listener, topic);
		return () -> this.listenerContainer.removeMessageListener(listener, topic);
	}

	@Override
	public ChannelSet channelSet(MessageHandler handler) {
		this.publishing.connect(); // on the subscribing thread, not on an event loop
		MessageListener listener = listener(handler);
		return new ChannelSet() {

			@Override
			public void subscribe(Collection<String> channels) {
				SpringDataRedisPubSub.this.listenerContainer.addMessageListener(listener, topics(channels));
			}

			@Override
			public void unsubscribe(Collection<String> channels) {
				List<ChannelTopic> topics = topics(channels);
				try {
					SpringDataRedisPubSub.this.listenerContainer.removeMessageListener(listener, topics);
				}
				catch (RuntimeException ex) {
					remember(listener, topics);
					throw ex;
				}
			}

		};
	}

	/**
	 * The container forgets the channels of a listener before it sends the {@code UNSUBSCRIBE}: when Redis refused
	 * that, the connection still has them (Lettuce subscribes again to them when it reconnects), so the container
	 * must know them again for a later {@code UNSUBSCRIBE} to be sent. Adding them tries to subscribe, which fails
	 * the same way: the mapping is restored before that.
	 */
	private void remember(MessageListener listener, List<ChannelTopic> topics) {
		try {
			this.listenerContainer.addMessageListener(listener, topics);
		}
		catch (RuntimeException ex) {
			// expected while Redis is away
		}
	}

	private static MessageListener listener(MessageHandler handler) {
		return (message, pattern) -> handler.onMessage(new String(message.getChannel(), StandardCharsets.UTF_8),
				message.getBody());
	}

	private static List<ChannelTopic> topics(Collection<String> channels) {
		return channels.stream().map(ChannelTopic::new).toList();
	}

	/**
	 * On a Redis Cluster every node counts only the clients subscribed to it, and a {@code PUBLISH} reaches all of
	 * them: every node is asked and the counts added up, as the Node adapter does there.
	 */
	@Override
	public CompletableFuture<Long> countSubscribers(String channel) {
		RedisClusterAsyncCommands<byte[], byte[]> commands = commands();
		if (commands instanceof RedisAdvancedClusterAsyncCommands<byte[], byte[]> cluster) {
			return sumOfEveryNode(cluster.all().commands().pubsubNumsub(bytes(channel)).futures());
		}
		return commands.pubsubNumsub(bytes(channel)).toCompletableFuture().thenApply(SpringDataRedisPubSub::sum);
	}

	/** A node that does not answer has nobody subscribed to it; fails only when no node answers. */
	private static CompletableFuture<Long> sumOfEveryNode(CompletableFuture<Map<byte[], Long>>[] counts) {
		return CompletableFuture.allOf(Arrays.stream(counts).map((count) -> count.exceptionally((failure) -> null))
			.toArray(CompletableFuture[]::new)).thenApply((done) -> {
				List<CompletableFuture<Map<byte[], Long>>> answered = Arrays.stream(counts)
					.filter((count) -> !count.isCompletedExceptionally())
					.toList();
				if (answered.isEmpty() && counts.length > 0) {
					return sum(counts[0].join()); // throws the first node's failure
				}
				return answered.stream().mapToLong((count) -> sum(count.join())).sum();
			});
	}

	private static long sum(Map<byte[], Long> counts) {
		return counts.values().stream().mapToLong(Long::longValue).sum();
	}

	@Override
	public void destroy() {
		RedisConnection connection = this.publisherConnection;
		if (connection != null) {
			connection.close();
		}
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

}
