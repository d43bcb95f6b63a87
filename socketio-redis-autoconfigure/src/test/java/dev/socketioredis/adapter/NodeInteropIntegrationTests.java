package dev.socketioredis.adapter;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.socketioredis.test.ClusterNode;
import dev.socketioredis.test.NodePeer;
import dev.socketioredis.test.RedisTestServer;
import dev.socketioredis.test.SocketIoTestClient;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Java node and a real Node.js Socket.IO server ({@code socket.io} 4.8 with {@code @socket.io/redis-adapter} 8.3.0,
 * see {@code src/test/node}) clustered on one Redis, each with a member of room {@code r1} and an outsider: broadcasts
 * from either side reach exactly the right clients of the other side, once, with their payload intact.
 *
 * <p>
 * "Receives nothing" and "once" are checked without sleeping: after each broadcast the same publisher broadcasts a
 * numbered {@code barrier} to the whole namespace, and Redis keeps one publisher's messages in order, so once every
 * client has the barrier, anything sent before it has arrived too.
 */
class NodeInteropIntegrationTests {

	@RegisterExtension
	static RedisTestServer redis = new RedisTestServer();

	static final String[] EVENTS = { "news", "barrier" };

	static final AtomicInteger barriers = new AtomicInteger();

	static ClusterNode javaNode;

	static NodePeer nodePeer;

	static SocketIoTestClient javaMember;

	static SocketIoTestClient javaOutsider;

	@BeforeAll
	static void startCluster() {
		nodePeer = NodePeer.start(redis);
		javaNode = ClusterNode.start(redis);
		javaMember = SocketIoTestClient.connect(javaNode.port(), "", "room=r1", EVENTS);
		javaOutsider = SocketIoTestClient.connect(javaNode.port(), "", "room=other", EVENTS);
		nodePeer.connectClient("nodeMember", "r1");
		nodePeer.connectClient("nodeOutsider", "other");
	}

	@AfterAll
	static void stopCluster() {
		for (AutoCloseable closeable : Arrays.asList(javaMember, javaOutsider, nodePeer, javaNode)) {
			if (closeable != null) {
				try {
					closeable.close();
				}
				catch (Exception ex) {
					// keep closing the others
				}
			}
		}
	}

	@Test
	void roomBroadcastWithNettySocketIoApiReachesTheNodeMemberOnce() {
		javaNode.server().getRoomOperations("r1").sendEvent("news", "java-room");
		int barrier = barriers.incrementAndGet();
		javaNode.server().getBroadcastOperations().sendEvent("barrier", barrier);

		awaitBarrier(barrier);
		assertThat(nodePeer.events("nodeMember", "news")).containsOnlyOnce(List.of("java-room"));
		assertThat(nodePeer.events("nodeOutsider", "news")).doesNotContain(List.of("java-room"));
		assertThat(javaMember.events("news")).containsOnlyOnce(List.of("java-room"));
		assertThat(javaOutsider.events("news")).doesNotContain(List.of("java-room"));
	}

	@Test
	void nodeRoomEmitReachesTheJavaMemberOnce() {
		nodePeer.emit(List.of("r1"), List.of(), "news", "node-room");
		int barrier = barriers.incrementAndGet();
		nodePeer.emit(List.of(), List.of(), "barrier", barrier);

		awaitBarrier(barrier);
		assertThat(javaMember.events("news")).containsOnlyOnce(List.of("node-room"));
		assertThat(javaOutsider.events("news")).doesNotContain(List.of("node-room"));
		assertThat(nodePeer.events("nodeMember", "news")).containsOnlyOnce(List.of("node-room"));
		assertThat(nodePeer.events("nodeOutsider", "news")).doesNotContain(List.of("node-room"));
	}

	@Test
	void nodeEmitExceptARoomLeavesOutTheJavaMember() {
		nodePeer.emit(List.of(), List.of("r1"), "news", "node-not-r1");
		int barrier = barriers.incrementAndGet();
		nodePeer.emit(List.of(), List.of(), "barrier", barrier);

		awaitBarrier(barrier);
		assertThat(javaOutsider.events("news")).containsOnlyOnce(List.of("node-not-r1"));
		assertThat(javaMember.events("news")).doesNotContain(List.of("node-not-r1"));
		assertThat(nodePeer.events("nodeOutsider", "news")).containsOnlyOnce(List.of("node-not-r1"));
		assertThat(nodePeer.events("nodeMember", "news")).doesNotContain(List.of("node-not-r1"));
	}

	@Test
	void javaEmitterReachesTheNodeMemberOnce() {
		javaNode.emitter().to("r1").emit("news", "java-emitter").join();
		int barrier = barriers.incrementAndGet();
		javaNode.emitter().emit("barrier", barrier).join();

		awaitBarrier(barrier);
		assertThat(nodePeer.events("nodeMember", "news")).containsOnlyOnce(List.of("java-emitter"));
		assertThat(nodePeer.events("nodeOutsider", "news")).doesNotContain(List.of("java-emitter"));
		assertThat(javaMember.events("news")).containsOnlyOnce(List.of("java-emitter"));
		assertThat(javaOutsider.events("news")).doesNotContain(List.of("java-emitter"));
	}

	@Test
	void nodeEmitToAJavaSocketIdReachesThatClientOnly() {
		nodePeer.emit(List.of(javaOutsider.id()), List.of(), "news", "node-direct");
		int barrier = barriers.incrementAndGet();
		nodePeer.emit(List.of(), List.of(), "barrier", barrier);

		awaitBarrier(barrier);
		assertThat(javaOutsider.events("news")).containsOnlyOnce(List.of("node-direct"));
		assertThat(javaMember.events("news")).doesNotContain(List.of("node-direct"));
		assertThat(nodePeer.events("nodeMember", "news")).doesNotContain(List.of("node-direct"));
		assertThat(nodePeer.events("nodeOutsider", "news")).doesNotContain(List.of("node-direct"));
	}

	@Test
	void payloadFromJavaArrivesIntactAtTheNodeClient() {
		Map<String, Object> payload = payload("from-java", true);
		javaNode.server().getRoomOperations("r1").sendEvent("news", payload, "second", 3, null);
		int barrier = barriers.incrementAndGet();
		javaNode.server().getBroadcastOperations().sendEvent("barrier", barrier);

		awaitBarrier(barrier);
		assertThat(nodePeer.events("nodeMember", "news")).containsOnlyOnce(Arrays.asList(payload, "second", 3, null));
	}

	@Test
	void payloadFromNodeArrivesIntactAtTheJavaClient() {
		Map<String, Object> payload = payload("from-node", false);
		nodePeer.emit(List.of("r1"), List.of(), "news", payload, "second", 3, null);
		int barrier = barriers.incrementAndGet();
		nodePeer.emit(List.of(), List.of(), "barrier", barrier);

		awaitBarrier(barrier);
		assertThat(javaMember.events("news")).map(NodeInteropIntegrationTests::plain)
			.containsOnlyOnce(Arrays.asList(payload, "second", 3, null));
	}

	@Test
	void nullMapValuesFromNodeArriveAtTheJavaClient() {
		Map<String, Object> payload = payload("from-node-with-nulls", true);
		nodePeer.emit(List.of("r1"), List.of(), "news", payload);
		int barrier = barriers.incrementAndGet();
		nodePeer.emit(List.of(), List.of(), "barrier", barrier);

		awaitBarrier(barrier);
		assertThat(nodePeer.events("nodeMember", "news")).containsOnlyOnce(List.of(payload));
		assertThat(javaMember.events("news")).map(NodeInteropIntegrationTests::plain)
			.containsOnlyOnce(List.of(payload));
	}

	/**
	 * Nested map and list, strings (non-ASCII too), integers (one beyond 32 bits), floats, booleans and null (in a
	 * list, and as map values when {@code nullMapValues}).
	 */
	private static Map<String, Object> payload(String origin, boolean nullMapValues) {
		Map<String, Object> nested = new LinkedHashMap<>();
		nested.put("origin", origin);
		nested.put("unicode", "héllo ✓ 😀");
		nested.put("empty", "");
		nested.put("list", Arrays.asList(1, "two", 3.5, false, null, List.of(), Map.of("k", "v")));
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("integer", 42);
		payload.put("negative", -7);
		payload.put("long", 1_099_511_627_776L);
		payload.put("float", 2.5);
		payload.put("negativeFloat", -0.125);
		payload.put("true", true);
		payload.put("false", false);
		payload.put("nested", nested);
		payload.put("emptyMap", Map.of());
		if (nullMapValues) {
			payload.put("null", null);
			nested.put("nothing", null);
		}
		return payload;
	}

	/** The Java client's org.json values as plain maps, lists, doubles and null, like the Node peer's JSON. */
	private static Object plain(Object value) {
		if (value instanceof JSONObject object) {
			Map<String, Object> map = new LinkedHashMap<>();
			for (Iterator<?> keys = object.keys(); keys.hasNext();) {
				String key = keys.next().toString();
				map.put(key, plain(object.opt(key)));
			}
			return map;
		}
		if (value instanceof JSONArray array) {
			List<Object> list = new ArrayList<>();
			for (int i = 0; i < array.length(); i++) {
				list.add(plain(array.opt(i)));
			}
			return list;
		}
		if (value instanceof List<?> list) {
			return list.stream().map(NodeInteropIntegrationTests::plain).toList();
		}
		if (value instanceof BigDecimal decimal) {
			return decimal.doubleValue();
		}
		return JSONObject.NULL.equals(value) ? null : value;
	}

	private static void awaitBarrier(int barrier) {
		for (SocketIoTestClient client : List.of(javaMember, javaOutsider)) {
			assertThat(client.awaitEvents("barrier", barrier)).last().isEqualTo(List.of(barrier));
		}
		for (String client : List.of("nodeMember", "nodeOutsider")) {
			assertThat(nodePeer.awaitEvents(client, "barrier", barrier)).last().isEqualTo(List.of(barrier));
		}
	}

}
