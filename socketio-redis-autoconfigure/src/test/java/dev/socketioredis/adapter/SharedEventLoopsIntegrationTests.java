package dev.socketioredis.adapter;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.socketioredis.test.ClusterNode;
import dev.socketioredis.test.RedisTestServer;
import dev.socketioredis.test.SocketIoTestClient;
import io.socket.client.Ack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The adapter's Redis connections on the node's event loops, with a real Redis, real nodes and a real client: what a
 * node reads from Redis it handles on the thread that carries its clients, and the application's own Redis calls,
 * made from a client's event handler on that same thread, still get their answers (they keep the application's
 * connections, on Lettuce's loops).
 */
class SharedEventLoopsIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@RegisterExtension
	static RedisTestServer redis = new RedisTestServer();

	@Test
	void whatANodeReadsFromRedisIsHandledOnItsEventLoop() {
		assertThat(threadHandlingAServerSideEmit("socketio.server.event-loop-threads=1")).startsWith("socketio-loop-");
	}

	@Test
	void withoutSharedEventLoopsItIsHandledOnLettucesOwn() {
		assertThat(threadHandlingAServerSideEmit("socketio.redis.shared-event-loops=false")).startsWith("lettuce-");
	}

	private static String threadHandlingAServerSideEmit(String property) {
		try (ClusterNode receiver = ClusterNode.start(redis, property); ClusterNode sender = ClusterNode.start(redis)) {
			List<String> threads = new CopyOnWriteArrayList<>();
			receiver.cluster().of("/").onServerSideEmit("note", (args) -> {
				threads.add(Thread.currentThread().getName());
				return null;
			});
			sender.cluster().of("/").serverSideEmit("note", "hello").join();
			await().atMost(TIMEOUT).until(() -> threads.size() == 1);
			return threads.get(0);
		}
	}

	@Test
	void anEventHandlerOnTheSharedLoopCanWaitForTheApplicationsRedisCalls() {
		try (ClusterNode node = ClusterNode.start(redis, "socketio.server.event-loop-threads=1")) {
			StringRedisTemplate redisTemplate = node.context().getBean(StringRedisTemplate.class);
			redisTemplate.opsForValue().set("greeting", "hello");
			node.server().addEventListener("lookup", String.class, (client, key, ack) -> ack
				.sendAckData(Thread.currentThread().getName(), redisTemplate.opsForValue().get(key)));
			List<Object[]> replies = new CopyOnWriteArrayList<>();
			try (SocketIoTestClient client = SocketIoTestClient.connect(node.port(), "", "")) {
				client.socket().emit("lookup", new Object[] { "greeting" }, (Ack) replies::add);
				await().atMost(TIMEOUT).until(() -> replies.size() == 1);
			}
			assertThat(replies.get(0)).satisfiesExactly(
					(thread) -> assertThat(thread).asString().startsWith("socketio-loop-"),
					(value) -> assertThat(value).isEqualTo("hello"));
		}
	}

}
