package dev.socketioredis.adapter;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import dev.socketioredis.test.ClusterNode;
import dev.socketioredis.test.NodePeer;
import dev.socketioredis.test.NodePeer.Binary;
import dev.socketioredis.test.NodePeer.Client;
import dev.socketioredis.test.RedisTestServer;
import dev.socketioredis.test.SocketIoTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Java node and a Node.js Socket.IO server ({@code socket.io} 4.8 with {@code @socket.io/redis-adapter} 8.3.0, see
 * {@code src/test/node}) on one Redis, plus {@code @socket.io/redis-emitter} 5.1.0: number rooms, emitter broadcasts
 * (rooms, except, namespace, socket id, volatile, binary), the {@code /admin} namespace both ways and binary from Java
 * to Node each reach exactly the right clients, once.
 *
 * <p>
 * Java clients on {@code /}: {@code r1}, {@code r2}, {@code r1+r2}, {@code r1+x}, {@code 42} and {@code outsider}
 * (room {@code other}); on {@code /admin}: {@code admin-r1} and {@code admin-outsider}. Node clients, on the Node
 * server: {@code node-r1} on {@code /} and {@code node-admin-r1} on {@code /admin}, both in {@code r1}.
 *
 * <p>
 * "Receives nothing" and "once" are checked without sleeping: after each broadcast the same publisher broadcasts a
 * numbered {@code barrier} to both namespaces, and Redis keeps one publisher's messages in order, so once every client
 * has the barrier, anything sent before it has arrived too.
 */
class MixedClusterBroadcastIntegrationTests {

	private static final String[] EVENTS = { "news", "emitter-bytes", "barrier" };

	@RegisterExtension
	static RedisTestServer redis = new RedisTestServer();

	static final AtomicInteger barriers = new AtomicInteger();

	static ClusterNode javaNode;

	static NodePeer nodePeer;

	/** Name → Java client, on {@code /} then on {@code /admin}. */
	static final Map<String, SocketIoTestClient> javaClients = new LinkedHashMap<>();

	static final List<String> nodeClients = List.of("node-r1", "node-admin-r1");

	@BeforeAll
	static void startCluster() {
		nodePeer = NodePeer.start(redis);
		javaNode = ClusterNode.start(redis);
		Map<String, String> rootRooms = new LinkedHashMap<>();
		rootRooms.put("r1", "r1");
		rootRooms.put("r2", "r2");
		rootRooms.put("r1+r2", "r1,r2");
		rootRooms.put("r1+x", "r1,x");
		rootRooms.put("42", "42");
		rootRooms.put("outsider", "other");
		rootRooms.forEach((name, rooms) -> javaClients.put(name,
				SocketIoTestClient.connect(javaNode.port(), "", "room=" + rooms, EVENTS)));
		javaClients.put("admin-r1", SocketIoTestClient.connect(javaNode.port(), "/admin", "room=r1", EVENTS));
		javaClients.put("admin-outsider",
				SocketIoTestClient.connect(javaNode.port(), "/admin", "room=other", EVENTS));
		nodePeer.connectClient("node-r1", Client.v4().rooms("r1"));
		nodePeer.connectClient("node-admin-r1", Client.v4().namespace("/admin").rooms("r1"));
	}

	@AfterAll
	static void stopCluster() {
		javaClients.values().forEach(SocketIoTestClient::close);
		for (AutoCloseable closeable : Arrays.asList(nodePeer, javaNode)) {
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
	void nodeEmitToANumberRoomReachesTheJavaMemberOfThatRoomOnly() {
		nodePeer.emit(List.of(42), List.of(), "news", "number-room");
		barrier(MixedClusterBroadcastIntegrationTests::nodeServerBarrier);

		assertJavaClientsReceivedOnce("number-room", "42");
	}

	@Test
	void nodeEmitterEmitToAllReachesEveryClientOfTheDefaultNamespaceOnce() {
		nodePeer.emitterEmit("/", List.of(), List.of(), false, "news", "emitter-all");
		barrier(MixedClusterBroadcastIntegrationTests::nodeEmitterBarrier);

		assertJavaClientsReceivedOnce("emitter-all", "r1", "r2", "r1+r2", "r1+x", "42", "outsider");
		assertNodeClientsReceivedOnce("emitter-all", "node-r1");
	}

	@Test
	void nodeEmitterEmitToOneRoomReachesItsJavaMembersOnly() {
		nodePeer.emitterEmit("/", List.of("r1"), List.of(), false, "news", "emitter-r1");
		barrier(MixedClusterBroadcastIntegrationTests::nodeEmitterBarrier);

		assertJavaClientsReceivedOnce("emitter-r1", "r1", "r1+r2", "r1+x");
	}

	@Test
	void nodeEmitterEmitToTwoRoomsExceptOneReachesEachJavaMemberOnce() {
		nodePeer.emitterEmit("/", List.of("r1", "r2"), List.of("x"), false, "news", "emitter-r1-r2-not-x");
		barrier(MixedClusterBroadcastIntegrationTests::nodeEmitterBarrier);

		assertJavaClientsReceivedOnce("emitter-r1-r2-not-x", "r1", "r2", "r1+r2");
	}

	@Test
	void nodeEmitterEmitOfAdminReachesTheJavaAdminClientsOnly() {
		nodePeer.emitterEmit("/admin", List.of(), List.of(), false, "news", "emitter-admin");
		barrier(MixedClusterBroadcastIntegrationTests::nodeEmitterBarrier);

		assertJavaClientsReceivedOnce("emitter-admin", "admin-r1", "admin-outsider");
		assertNodeClientsReceivedOnce("emitter-admin", "node-admin-r1");
	}

	@Test
	void nodeEmitterEmitToAJavaSocketIdReachesThatClientOnly() {
		nodePeer.emitterEmit("/", List.of(javaClients.get("r2").id()), List.of(), false, "news", "emitter-direct");
		barrier(MixedClusterBroadcastIntegrationTests::nodeEmitterBarrier);

		assertJavaClientsReceivedOnce("emitter-direct", "r2");
	}

	@Test
	void nodeEmitterVolatileEmitReachesNoJavaClientOutsideItsRoomNorAnyTwice() {
		nodePeer.emitterEmit("/", List.of("r2"), List.of(), true, "news", "emitter-volatile");
		barrier(MixedClusterBroadcastIntegrationTests::nodeEmitterBarrier);

		// a volatile packet may be dropped: members get it at most once, others never
		javaClients.forEach((name, client) -> {
			int allowed = List.of("r2", "r1+r2").contains(name) ? 1 : 0;
			assertThat(client.events("news")).as("Java client %s", name)
				.filteredOn(List.of("emitter-volatile")::equals)
				.hasSizeLessThanOrEqualTo(allowed);
		});
	}

	@Test
	void nodeEmitterBufferArgumentArrivesAsBytesAtTheJavaClients() {
		byte[] bytes = { 1, 2, 3, (byte) 0xff, 0 };
		nodePeer.emitterEmit("/", List.of("r1"), List.of(), false, "emitter-bytes", bytes, "text");
		barrier(MixedClusterBroadcastIntegrationTests::nodeEmitterBarrier);

		javaClients.forEach((name, client) -> {
			if (List.of("r1", "r1+r2", "r1+x").contains(name)) {
				assertThat(client.events("emitter-bytes")).as("Java client %s", name).singleElement().satisfies((args) -> {
					assertThat(args).hasSize(2);
					assertThat(args.get(0)).isEqualTo(bytes);
					assertThat(args.get(1)).isEqualTo("text");
				});
			}
			else {
				assertThat(client.events("emitter-bytes")).as("Java client %s", name).isEmpty();
			}
		});
		assertThat(nodePeer.events("node-r1", "emitter-bytes")).containsExactly(List.of(Binary.buffer(bytes), "text"));
	}

	@Test
	void nodeAdminRoomEmitReachesTheJavaAdminMemberAndNoClientOfTheDefaultNamespace() {
		nodePeer.emit("/admin", List.of("r1"), List.of(), "news", "node-admin-r1");
		barrier(MixedClusterBroadcastIntegrationTests::nodeServerBarrier);

		assertJavaClientsReceivedOnce("node-admin-r1", "admin-r1");
		assertNodeClientsReceivedOnce("node-admin-r1", "node-admin-r1");
	}

	@Test
	void javaAdminEmitReachesTheNodeAdminClientAndNotTheDefaultNamespace() {
		javaNode.cluster().of("/admin").emit("news", "java-admin").join();
		barrier(MixedClusterBroadcastIntegrationTests::javaBarrier);

		assertNodeClientsReceivedOnce("java-admin", "node-admin-r1");
		assertJavaClientsReceivedOnce("java-admin", "admin-r1", "admin-outsider");
	}

	@Test
	void javaBinaryEmitArrivesAsABufferAtTheNodeClient() {
		byte[] bytes = { 0, (byte) 0x80, 0x7f, (byte) 0xfe, (byte) 0xff, 10 };
		javaNode.cluster().emit("java-bytes", bytes).join();
		barrier(MixedClusterBroadcastIntegrationTests::javaBarrier);

		assertThat(nodePeer.events("node-r1", "java-bytes")).containsExactly(List.of(Binary.buffer(bytes)));
		assertThat(nodePeer.events("node-admin-r1", "java-bytes")).isEmpty();
	}

	/**
	 * Every Java client named in {@code receivers} has received {@code news} with {@code payload} exactly once, every
	 * other Java client never.
	 */
	private static void assertJavaClientsReceivedOnce(String payload, String... receivers) {
		javaClients.forEach((name, client) -> {
			if (Arrays.asList(receivers).contains(name)) {
				assertThat(client.events("news")).as("Java client %s", name).containsOnlyOnce(List.of(payload));
			}
			else {
				assertThat(client.events("news")).as("Java client %s", name).doesNotContain(List.of(payload));
			}
		});
	}

	/** The same for the Node clients. */
	private static void assertNodeClientsReceivedOnce(String payload, String... receivers) {
		for (String name : nodeClients) {
			if (Arrays.asList(receivers).contains(name)) {
				assertThat(nodePeer.events(name, "news")).as("Node client %s", name).containsOnlyOnce(List.of(payload));
			}
			else {
				assertThat(nodePeer.events(name, "news")).as("Node client %s", name).doesNotContain(List.of(payload));
			}
		}
	}

	/**
	 * Sends the next barrier to {@code /} and {@code /admin} through {@code publisher} (which must be the publisher of
	 * the broadcasts under test) and waits until every client has it.
	 */
	private static void barrier(IntConsumer publisher) {
		int barrier = barriers.incrementAndGet();
		publisher.accept(barrier);
		// one wait for all ten clients (Awaitility waits a poll interval before its first check)
		await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
			javaClients.forEach((name, client) -> assertThat(client.events("barrier"))
				.as("barriers of Java client %s", name)
				.hasSizeGreaterThanOrEqualTo(barrier));
			for (String name : nodeClients) {
				assertThat(nodePeer.events(name, "barrier")).as("barriers of Node client %s", name)
					.hasSizeGreaterThanOrEqualTo(barrier);
			}
		});
		javaClients.forEach((name, client) -> assertThat(client.events("barrier"))
			.as("barriers of Java client %s", name)
			.last()
			.isEqualTo(List.of(barrier)));
		for (String name : nodeClients) {
			assertThat(nodePeer.events(name, "barrier")).as("barriers of Node client %s", name)
				.last()
				.isEqualTo(List.of(barrier));
		}
	}

	private static void nodeServerBarrier(int barrier) {
		nodePeer.emit("/", List.of(), List.of(), "barrier", barrier);
		nodePeer.emit("/admin", List.of(), List.of(), "barrier", barrier);
	}

	private static void nodeEmitterBarrier(int barrier) {
		nodePeer.emitterEmit("/", List.of(), List.of(), false, "barrier", barrier);
		nodePeer.emitterEmit("/admin", List.of(), List.of(), false, "barrier", barrier);
	}

	private static void javaBarrier(int barrier) {
		javaNode.cluster().emit("barrier", barrier).join();
		javaNode.cluster().of("/admin").emit("barrier", barrier).join();
	}

}
