package dev.socketioredis.adapter;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.socketioredis.concurrent.EventLoopTimer;
import dev.socketioredis.redis.springdata.AdapterConnectionFactory;
import dev.socketioredis.test.ClusterNode;
import dev.socketioredis.test.RedisTestServer;
import dev.socketioredis.test.SocketIoTestClient;
import io.lettuce.core.resource.ClientResources;
import io.socket.client.Ack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.types.RedisClientInfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The adapter's Redis connections on the node's event loops, with a real Redis, real nodes and a real client: what a
 * node reads from Redis it handles on the thread that carries its clients, and the application's own Redis calls,
 * made from a client's event handler on that same thread, still get their answers (they keep the application's
 * connections, on Lettuce's loops). The timeouts of the Socket.IO server and of Lettuce fall due on those loops too,
 * not on timer threads of their own.
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

	/**
	 * On io_uring the adapter's connections read into buffers of the loop's ring, of 1 to 64 KiB each: a message of a
	 * megabyte spans many of them.
	 */
	@Test
	void aLargeMessageFromRedisArrivesWhole() {
		try (ClusterNode receiver = ClusterNode.start(redis, "socketio.server.event-loop-threads=1");
				ClusterNode sender = ClusterNode.start(redis)) {
			List<Object> received = new CopyOnWriteArrayList<>();
			receiver.cluster().of("/").onServerSideEmit("note", (args) -> {
				received.add(args.get(0));
				return null;
			});
			String large = "0123456789abcdef".repeat(64 * 1024);
			sender.cluster().of("/").serverSideEmit("note", large).join();
			await().atMost(TIMEOUT).until(() -> received.size() == 1);
			assertThat(received.get(0)).isEqualTo(large);
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

	@Test
	void aClientsPingDeadlineFallsDueOnTheNodesEventLoop() throws Exception {
		try (ClusterNode node = ClusterNode.start(redis, "socketio.server.event-loop-threads=1",
				"socketio.server.ping-interval=1s", "socketio.server.ping-timeout=1s")) {
			List<String> threads = new CopyOnWriteArrayList<>();
			node.server().addDisconnectListener((client) -> threads.add(Thread.currentThread().getName()));
			// a long-polling client that connects to "/" and never polls again: it cannot answer a ping
			HttpClient http = HttpClient.newHttpClient();
			String base = "http://127.0.0.1:" + node.port() + "/socket.io/?EIO=4&transport=polling";
			String open = http.send(HttpRequest.newBuilder(URI.create(base)).build(), BodyHandlers.ofString()).body();
			Matcher sessionId = Pattern.compile("\"sid\":\"([^\"]+)\"").matcher(open);
			assertThat(sessionId.find()).as("OPEN packet %s", open).isTrue();
			HttpRequest connect = HttpRequest.newBuilder(URI.create(base + "&sid=" + sessionId.group(1)))
				.POST(BodyPublishers.ofString("40"))
				.build();
			assertThat(http.send(connect, BodyHandlers.ofString()).statusCode()).isEqualTo(200);

			await().atMost(TIMEOUT).until(() -> threads.size() == 1);
			assertThat(threads.get(0)).startsWith("socketio-loop-");
		}
	}

	@Test
	void lettucesTimeoutsFallDueOnTheNodesEventLoops() {
		try (ClusterNode node = ClusterNode.start(redis)) {
			assertThat(node.context().getBean(ClientResources.class).timer()).isInstanceOf(EventLoopTimer.class);
			LettuceConnectionFactory adapters = (LettuceConnectionFactory) node.context()
				.getBean(AdapterConnectionFactory.class)
				.get();
			assertThat(adapters.getClientConfiguration().getClientResources()).hasValueSatisfying(
					(resources) -> assertThat(resources.timer()).isInstanceOf(EventLoopTimer.class));
		}
		try (ClusterNode node = ClusterNode.start(redis, "socketio.redis.shared-event-loops=false")) {
			assertThat(node.context().getBean(ClientResources.class).timer()).isNotInstanceOf(EventLoopTimer.class);
		}
	}

	/**
	 * Over RESP3 Lettuce reads each message twice, as a push message and again as a pub/sub one; Node's adapter speaks
	 * RESP2. The application's own connections are left as the application configured them.
	 */
	@Test
	void theAdaptersConnectionsSpeakResp2AndTheApplicationsTheirOwn() {
		try (ClusterNode node = ClusterNode.start(redis)) {
			node.cluster().of("/").emit("news", "hello").join();
			List<RedisClientInfo> clients = node.context()
				.getBean(StringRedisTemplate.class)
				.execute((RedisCallback<List<RedisClientInfo>>) (connection) -> connection.serverCommands()
					.getClientList());
			assertThat(clients).filteredOn((client) -> client.get("cmd").equals("publish")
					|| Integer.parseInt(client.get("sub")) + Integer.parseInt(client.get("psub")) > 0)
				.hasSizeGreaterThanOrEqualTo(2)
				.allSatisfy((adapters) -> assertThat(adapters.get("resp")).isEqualTo("2"));
			assertThat(clients).filteredOn((client) -> client.get("cmd").equals("client|list"))
				.singleElement()
				.satisfies((applications) -> assertThat(applications.get("resp")).isEqualTo("3"));
		}
	}

	/**
	 * Its engine is made when its first socket connects, on that socket's event loop, and subscribes to Redis, which
	 * answers on that same loop: the start is left to another thread (it waited for itself, and the node's clients
	 * with it, until Lettuce's command timeout).
	 */
	@Test
	void aNamespaceAddedAfterStartJoinsTheClusterOnANodeOfOneEventLoop() {
		try (ClusterNode sender = ClusterNode.start(redis, "socketio.server.event-loop-threads=1");
				ClusterNode receiver = ClusterNode.start(redis, "socketio.server.event-loop-threads=1")) {
			sender.server().addNamespace("/late");
			receiver.server().addNamespace("/late");
			try (SocketIoTestClient late = SocketIoTestClient.connect(receiver.port(), "/late", "", "news")) {
				await().atMost(TIMEOUT).untilAsserted(() -> {
					sender.cluster().of("/late").emit("news", "late").join();
					assertThat(late.events("news")).isNotEmpty();
				});
				assertThat(late.events("news").get(0)).containsExactly("late");
			}
		}
	}

}
