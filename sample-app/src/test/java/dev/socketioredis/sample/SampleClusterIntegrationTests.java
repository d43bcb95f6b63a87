package dev.socketioredis.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.socketioredis.adapter.ClusterTransport;
import dev.socketioredis.pubsub.PubSubTransports;
import dev.socketioredis.pubsub.ShardedTransports;
import dev.socketioredis.test.RedisClusterTestServer;
import dev.socketioredis.test.RedisTestServer;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two sample nodes (A and B) driven end to end by Java Socket.IO clients through the benchmark contract and the
 * cluster hooks ({@code bench/CLUSTER-HOOKS.md}), on the default namespace and on {@code /admin}: once with the
 * classic adapter on a private Redis ({@code REDIS_HOST}, {@code REDIS_PORT}), once with the sharded one on a private
 * Redis Cluster of three masters ({@code REDIS_CLUSTER_NODES}, {@code ADAPTER=sharded}).
 *
 * <p>
 * Each test uses rooms of its own, named after the namespace too: netty-socketio also connects a client of
 * {@code /admin} to the default namespace, where the connect listener joins it to its rooms as well.
 */
@ParameterizedClass(name = "ADAPTER={0}")
@ValueSource(strings = { "classic", "sharded" })
class SampleClusterIntegrationTests {

	@RegisterExtension
	static RedisTestServer redis = new RedisTestServer();

	@RegisterExtension
	static RedisClusterTestServer redisCluster = new RedisClusterTestServer();

	static ConfigurableApplicationContext nodeA;

	static ConfigurableApplicationContext nodeB;

	@Parameter
	String adapter;

	@BeforeParameterizedClassInvocation
	static void startNodes(String adapter) {
		nodeA = startNode("A", adapter);
		nodeB = startNode("B", adapter);
	}

	@AfterParameterizedClassInvocation
	static void stopNodes() {
		Stream.of(nodeA, nodeB).filter((node) -> node != null).forEach(ConfigurableApplicationContext::close);
	}

	/**
	 * The contract's environment variables, as command-line arguments: they win over {@code application.properties},
	 * default properties would not.
	 */
	private static ConfigurableApplicationContext startNode(String serverId, String adapter) {
		String[] redisSettings = adapter.equals("sharded")
				? new String[] { "--ADAPTER=sharded", "--REDIS_CLUSTER_NODES=" + String.join(",", redisCluster.nodes()) }
				: new String[] { "--REDIS_HOST=" + redis.host(), "--REDIS_PORT=" + redis.port() };
		return new SpringApplicationBuilder(SampleApplication.class).web(WebApplicationType.NONE)
			.run(Stream.concat(Stream.of("--PORT=0", "--SERVER_ID=" + serverId), Stream.of(redisSettings))
				.toArray(String[]::new));
	}

	@Test
	void theAdapterVariableChoosesTheTransport() {
		Class<?> expected = this.adapter.equals("sharded") ? ShardedTransports.class : PubSubTransports.class;
		assertThat(nodeA.getBean(ClusterTransport.Factory.class)).isInstanceOf(expected);
		assertThat(nodeB.getBean(ClusterTransport.Factory.class)).isInstanceOf(expected);
	}

	private static int port(ConfigurableApplicationContext node) {
		return node.getEnvironment().getRequiredProperty("local.socketio.server.port", Integer.class);
	}

	private static String room(String name, String namespace) {
		return name + "@" + (namespace.isEmpty() ? "default" : namespace.substring(1));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "/admin" })
	void bcastReachesTheRoomOnBothNodesOnly(String namespace) throws Exception {
		String room = room("bcast", namespace);
		String other = room("bcast-other", namespace);
		try (HookClient onA = HookClient.connect(port(nodeA), namespace, room, null, "msg");
				HookClient onB = HookClient.connect(port(nodeB), namespace, room, null, "msg");
				HookClient elsewhere = HookClient.connect(port(nodeB), namespace, other, null, "msg")) {
			Map<String, Object> first = Map.of("room", room, "pub", 0, "seq", 1, "ts", 1763781234567123L, "pad", "xx");
			onA.emit("bcast", first);
			await().untilAsserted(() -> {
				assertThat(onA.events("msg")).containsExactly(List.of(first));
				assertThat(onB.events("msg")).containsExactly(List.of(first));
			});
			// the next broadcast, to the other room, travels behind the first one through the same Redis
			// subscription: had the first one reached 'elsewhere', it would be there by now
			Map<String, Object> second = Map.of("room", other, "pub", 0, "seq", 2, "ts", 1763781234567124L, "pad", "");
			onA.emit("bcast", second);
			await().untilAsserted(() -> assertThat(elsewhere.events("msg")).containsExactly(List.of(second)));
			assertThat(onB.events("msg")).hasSize(1);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "/admin" })
	@SuppressWarnings("unchecked")
	void fetchSeesTheSocketsOfBothNodesWithTheirData(String namespace) throws Exception {
		String room = room("fetch", namespace);
		try (HookClient ann = HookClient.connect(port(nodeA), namespace, room + ",extra", "{\"user\":\"ann\"}");
				HookClient bob = HookClient.connect(port(nodeB), namespace, room, "{\"user\":\"bob\",\"n\":1}");
				HookClient bad = HookClient.connect(port(nodeB), namespace, room, "{not json")) {
			List<Map<String, Object>> sockets = (List<Map<String, Object>>) ann.call("cluster:fetch",
					Map.of("rooms", List.of(room), "except", List.of()));

			assertThat(sockets).extracting((socket) -> socket.get("id"))
				.containsExactlyElementsOf(Stream.of(ann.id(), bob.id(), bad.id()).sorted().toList());
			assertThat(sockets).filteredOn((socket) -> socket.get("id").equals(ann.id())).singleElement()
				.satisfies((socket) -> {
					assertThat((List<Object>) socket.get("rooms")).containsExactlyInAnyOrder(ann.id(), room, "extra");
					assertThat(socket.get("data")).isEqualTo(Map.of("user", "ann"));
				});
			assertThat(sockets).filteredOn((socket) -> socket.get("id").equals(bob.id())).singleElement()
				.satisfies((socket) -> {
					assertThat((List<Object>) socket.get("rooms")).containsExactlyInAnyOrder(bob.id(), room);
					assertThat(socket.get("data")).isEqualTo(Map.of("user", "bob", "n", 1));
				});
			assertThat(sockets).filteredOn((socket) -> socket.get("id").equals(bad.id())).singleElement()
				.satisfies((socket) -> assertThat(socket.get("data")).isNull());
			assertThat((List<Map<String, Object>>) bob.call("cluster:fetch",
					Map.of("rooms", List.of(room), "except", List.of("extra"))))
				.extracting((socket) -> socket.get("id"))
				.containsExactlyInAnyOrder(bob.id(), bad.id());
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "/admin" })
	void whoamiAnswersWithTheOtherNode(String namespace) throws Exception {
		String room = room("whoami", namespace);
		try (HookClient onA = HookClient.connect(port(nodeA), namespace, room, null);
				HookClient onB = HookClient.connect(port(nodeB), namespace, room, null)) {
			assertThat(onA.call("cluster:whoami", Map.of("timeoutMs", 5000))).isEqualTo(List.of("B"));
			assertThat(onB.call("cluster:whoami", Map.of("timeoutMs", 5000))).isEqualTo(List.of("A"));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "/admin" })
	@SuppressWarnings("unchecked")
	void askCollectsTheAcksOfBothNodesOrReportsWhatArrived(String namespace) throws Exception {
		String room = room("ask", namespace);
		String silentRoom = room("ask-silent", namespace);
		try (HookClient onA = HookClient.connect(port(nodeA), namespace, room, null).answering("question", "from-A");
				HookClient onB = HookClient.connect(port(nodeB), namespace, room, null).answering("question", "from-B");
				HookClient silent = HookClient.connect(port(nodeB), namespace, silentRoom, null)) {
			Object acks = onA.call("cluster:ask",
					Map.of("rooms", List.of(room), "event", "question", "args", List.of(1), "timeoutMs", 5000));
			assertThat(acks).asInstanceOf(InstanceOfAssertFactories.LIST).containsExactlyInAnyOrder("from-A", "from-B");

			Object timedOut = onB.call("cluster:ask", Map.of("rooms", List.of(room, silentRoom), "event", "question",
					"args", List.of(2), "timeoutMs", 1000));
			assertThat(timedOut).asInstanceOf(InstanceOfAssertFactories.MAP)
				.containsKey("error")
				.hasEntrySatisfying("partial",
						(partial) -> assertThat((List<Object>) partial).containsExactlyInAnyOrder("from-A", "from-B"));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "/admin" })
	void serverSideEmitRelaysToTheSocketsOfTheOtherNode(String namespace) throws Exception {
		String room = room("relay", namespace);
		try (HookClient onA = HookClient.connect(port(nodeA), namespace, room, null, "relayed");
				HookClient onB = HookClient.connect(port(nodeB), namespace, room, null, "relayed")) {
			assertThat(onA.call("cluster:serverSideEmit", Map.of("event", "relay", "args", List.of("hi", 2))))
				.isEqualTo(true);
			await().untilAsserted(() -> assertThat(onB.events("relayed")).containsExactly(List.of("B", "hi", 2)));
			assertThat(onA.events("relayed")).isEmpty(); // a node's server-side emits are for the others
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "/admin" })
	void emitterPublishesToTheRoomOnEveryNodeWithBinary(String namespace) throws Exception {
		String room = room("emitter", namespace);
		try (HookClient onA = HookClient.connect(port(nodeA), namespace, room, null, "news");
				HookClient onB = HookClient.connect(port(nodeB), namespace, room, null, "news")) {
			assertThat(onA.call("cluster:emitter",
					Map.of("rooms", List.of(room), "except", List.of(), "event", "news", "args", List.of("x"), "binary",
							3)))
				.isEqualTo(true);
			for (HookClient client : List.of(onA, onB)) {
				await().untilAsserted(() -> assertThat(client.events("news")).hasSize(1));
				assertThat(client.events("news").get(0)).containsExactly("x", new byte[] { 0, 1, 2 });
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "/admin" })
	void hookFailuresAreAcknowledgedAsErrors(String namespace) throws Exception {
		try (HookClient client = HookClient.connect(port(nodeA), namespace, room("errors", namespace), null)) {
			assertThat(client.call("cluster:emit", Map.of("rooms", List.of("r"))))
				.isEqualTo(Map.of("error", "'event' must be a non-empty string"));
			assertThat(client.call("cluster:emit", Map.of("event", "connect")))
				.asInstanceOf(InstanceOfAssertFactories.MAP)
				.containsOnlyKeys("error");
		}
	}

	@Test
	void engineIoV3ClientsGetAHandshake() throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + port(nodeA) + "/socket.io/?EIO=3&transport=polling"))
			.build();
		HttpResponse<byte[]> response = HttpClient.newHttpClient()
			.send(request, HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(new String(response.body(), StandardCharsets.ISO_8859_1)).contains("0{\"sid\":");
	}

}
