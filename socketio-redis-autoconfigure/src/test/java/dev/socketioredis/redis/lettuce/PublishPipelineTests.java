package dev.socketioredis.redis.lettuce;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.protocol.CommandType;
import io.lettuce.core.protocol.RedisCommand;
import io.netty.util.concurrent.DefaultEventExecutor;
import io.netty.util.concurrent.EventExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What {@link PublishPipeline} hands to Lettuce, on a connection that records it: the publishes of one turn of an event
 * loop in one batch, in order (on a Redis Cluster one by one, for Lettuce to route); any other thread's at once.
 */
class PublishPipelineTests {

	private final List<List<String>> batches = new ArrayList<>();

	private final PublishPipeline pipeline = new PublishPipeline(CommandType.PUBLISH,
			() -> recordingConnection(StatefulRedisConnection.class));

	private final EventExecutor loop = new DefaultEventExecutor();

	@AfterEach
	void stopTheLoop() {
		this.loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
	}

	@Test
	void thePublishesOfOneTurnOfAnEventLoopAreWrittenTogetherInOrder() throws Exception {
		this.loop.submit(() -> {
			for (int i = 0; i < 5; i++) {
				this.pipeline.publish(bytes("channel"), bytes("m" + i));
			}
		}).get();
		this.loop.submit(() -> this.pipeline.publish(bytes("channel"), bytes("next turn"))).get();
		this.loop.submit(() -> { }).get(); // the second turn's write has run

		assertThat(batches()).containsExactly(publishes("channel", "m0", "m1", "m2", "m3", "m4"),
				publishes("channel", "next turn"));
	}

	@Test
	void aPublishFromAnyOtherThreadIsWrittenAtOnce() {
		this.pipeline.publish(bytes("a"), bytes("1"));
		this.pipeline.publish(bytes("b"), bytes("2"));

		assertThat(batches()).containsExactly(publishes("a", "1"), publishes("b", "2"));
	}

	@Test
	void onARedisClusterEachPublishOfTheTurnIsRoutedOnItsOwn() throws Exception {
		PublishPipeline cluster = new PublishPipeline(CommandType.PUBLISH,
				() -> recordingConnection(StatefulRedisClusterConnection.class));
		this.loop.submit(() -> {
			cluster.publish(bytes("a"), bytes("1"));
			cluster.publish(bytes("b"), bytes("2"));
		}).get();
		this.loop.submit(() -> { }).get(); // the turn's write has run

		assertThat(batches()).containsExactly(publishes("a", "1"), publishes("b", "2"));
	}

	@Test
	void whenNoConnectionCanBeMadeEveryPublishOfTheTurnFails() throws Exception {
		PublishPipeline unreachable = new PublishPipeline(CommandType.PUBLISH, () -> {
			throw new RedisConnectionException("Unable to connect to 127.0.0.1:1");
		});
		List<CompletableFuture<Long>> published = this.loop
			.submit(() -> List.of(unreachable.publish(bytes("c"), bytes("1")),
					unreachable.publish(bytes("c"), bytes("2"))))
			.get();

		for (CompletableFuture<Long> publish : published) {
			assertThatThrownBy(() -> publish.get(5, TimeUnit.SECONDS))
				.hasCauseInstanceOf(RedisConnectionException.class)
				.hasMessageContaining("Unable to connect");
		}
		assertThatThrownBy(() -> unreachable.publish(bytes("c"), bytes("3")).get(5, TimeUnit.SECONDS))
			.hasCauseInstanceOf(RedisConnectionException.class);
	}

	@Test
	void connectMakesTheConnectionOnTheCallersThreadAndLetsTheFirstPublishTryAgainWhenRedisIsAway() {
		List<String> connectingThreads = new ArrayList<>();
		new PublishPipeline(CommandType.PUBLISH, () -> {
			connectingThreads.add(Thread.currentThread().getName());
			return recordingConnection(StatefulRedisConnection.class);
		}).connect();
		assertThat(connectingThreads).containsExactly(Thread.currentThread().getName());

		PublishPipeline away = new PublishPipeline(CommandType.PUBLISH, () -> {
			throw new RedisConnectionException("Unable to connect to 127.0.0.1:1");
		});
		assertThatNoException().isThrownBy(away::connect);
	}

	private synchronized List<List<String>> batches() {
		return List.copyOf(this.batches);
	}

	private synchronized void record(Collection<? extends RedisCommand<byte[], byte[], ?>> commands) {
		this.batches.add(commands.stream().map(PublishPipelineTests::describe).toList());
	}

	/** As {@link #describe} shows them. */
	private static List<String> publishes(String channel, String... messages) {
		return Arrays.stream(messages).map((message) -> "PUBLISH key<" + channel + "> value<" + message + ">").toList();
	}

	private static String describe(RedisCommand<byte[], byte[], ?> command) {
		return command.getType().toString() + " " + command.getArgs().toCommandString();
	}

	/** A connection of the type, a standalone or a cluster one, that records what it is given to write. */
	@SuppressWarnings("unchecked")
	private StatefulConnection<byte[], byte[]> recordingConnection(Class<?> type) {
		return (StatefulConnection<byte[], byte[]>) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { type }, (proxy, method, args) -> {
					if (method.getName().equals("dispatch") && args[0] instanceof Collection<?> commands) {
						record((Collection<? extends RedisCommand<byte[], byte[], ?>>) commands);
						return commands;
					}
					if (method.getName().equals("dispatch") && args[0] instanceof RedisCommand<?, ?, ?> command) {
						record(List.of((RedisCommand<byte[], byte[], ?>) command));
						return command;
					}
					throw new UnsupportedOperationException(method.getName());
				});
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

}
