package dev.socketioredis.redis.lettuce;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import dev.socketioredis.test.RedisTestServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.protocol.CommandType;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.netty.util.concurrent.DefaultEventExecutor;
import io.netty.util.concurrent.EventExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link PublishPipeline} on a real Redis: what an event loop publishes in a turn and what other threads publish
 * reaches a subscriber, each thread's in order, and every publish completes with its receiver count.
 */
class PublishPipelineIntegrationTests {

	@RegisterExtension
	static RedisTestServer redis = new RedisTestServer();

	static RedisClient client;

	static StatefulRedisConnection<byte[], byte[]> publisher;

	static StatefulRedisPubSubConnection<byte[], byte[]> subscriber;

	static final List<String> received = new CopyOnWriteArrayList<>();

	static final EventExecutor loop = new DefaultEventExecutor();

	@BeforeAll
	static void connect() {
		client = RedisClient.create(RedisURI.create(redis.host(), redis.port()));
		publisher = client.connect(ByteArrayCodec.INSTANCE);
		subscriber = client.connectPubSub(ByteArrayCodec.INSTANCE);
		subscriber.addListener(new RedisPubSubAdapter<>() {

			@Override
			public void message(byte[] channel, byte[] message) {
				received.add(string(channel) + " " + string(message));
			}

			@Override
			public void smessage(byte[] shardChannel, byte[] message) {
				message(shardChannel, message);
			}

		});
		subscriber.sync().subscribe(bytes("publish"));
		subscriber.sync().ssubscribe(bytes("spublish"));
	}

	@AfterAll
	static void disconnect() {
		loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
		if (client != null) {
			client.shutdown();
		}
	}

	@ParameterizedTest
	@EnumSource(names = { "PUBLISH", "SPUBLISH" })
	void everyPublishReachesTheSubscriberInOrderAndCompletesWithItsReceiverCount(CommandType command)
			throws Exception {
		received.clear();
		PublishPipeline pipeline = new PublishPipeline(command, () -> publisher);
		String channel = command.toString().toLowerCase(Locale.ROOT);
		List<CompletableFuture<Long>> published = new ArrayList<>(loop
			.submit(() -> IntStream.range(0, 500)
				.mapToObj((i) -> pipeline.publish(bytes(channel), bytes("loop-" + i)))
				.toList())
			.get());
		IntStream.range(0, 100).forEach((i) -> published.add(pipeline.publish(bytes(channel), bytes("caller-" + i))));

		assertThat(CompletableFuture.allOf(published.toArray(CompletableFuture[]::new))
			.thenApply((done) -> published.stream().map(CompletableFuture::join).distinct().toList())
			.get(10, TimeUnit.SECONDS)).containsExactly(1L);
		await().untilAsserted(() -> assertThat(received).hasSize(600));
		assertThat(received.stream().filter((message) -> message.contains("loop-")))
			.containsExactlyElementsOf(IntStream.range(0, 500).mapToObj((i) -> channel + " loop-" + i).toList());
		assertThat(received.stream().filter((message) -> message.contains("caller-")))
			.containsExactlyElementsOf(IntStream.range(0, 100).mapToObj((i) -> channel + " caller-" + i).toList());
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

	private static String string(byte[] value) {
		return new String(value, StandardCharsets.UTF_8);
	}

}
