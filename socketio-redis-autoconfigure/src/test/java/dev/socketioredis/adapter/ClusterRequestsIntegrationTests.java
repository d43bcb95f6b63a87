package dev.socketioredis.adapter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import dev.socketioredis.test.ClusterNode;
import dev.socketioredis.test.RedisTestServer;
import dev.socketioredis.test.SocketIoTestClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.socket.client.Socket;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Cluster requests between two Java nodes on a real Redis: fetchSockets, allRooms, socketsJoin/Leave,
 * disconnectSockets, serverSideEmit with and without acknowledgements, broadcasts with acknowledgements, and
 * requests bounded by {@code socketio.redis.requests-timeout} when a subscriber stays silent.
 */
class ClusterRequestsIntegrationTests {

	@RegisterExtension
	static RedisTestServer redis = new RedisTestServer();

	static ClusterNode nodeA;

	static ClusterNode nodeB;

	static SocketIoTestClient onA;

	static SocketIoTestClient onB;

	@BeforeAll
	static void startCluster() {
		nodeA = ClusterNode.start(redis, "socketio.redis.requests-timeout=2s");
		nodeB = ClusterNode.start(redis, "socketio.redis.requests-timeout=2s");
		nodeA.cluster().of("/").onServerSideEmit("whoami", (args) -> "A");
		nodeB.cluster().of("/").onServerSideEmit("whoami", (args) -> "B:" + args);
		onA = SocketIoTestClient.connect(nodeA.port(), "", "room=r1&q=1", "news", "ping").answering("ask", "from-A");
		onB = SocketIoTestClient.connect(nodeB.port(), "", "room=r1,r2", "news", "ping").answering("ask", "from-B");
		SocketData.set(nodeB.server().getClient(UUID.fromString(onB.id())), Map.of("user", "bob"));
	}

	@AfterAll
	static void stopCluster() {
		onA.close();
		onB.close();
		nodeA.close();
		nodeB.close();
	}

	@Test
	void fetchSocketsSeesEveryNodesSocketsWithRoomsHandshakeAndData() {
		List<RemoteSocket> sockets = nodeA.cluster().of("/").fetchSockets().join();

		assertThat(sockets).extracting(RemoteSocket::id).contains(onA.id(), onB.id());
		RemoteSocket bob = sockets.stream().filter((socket) -> socket.id().equals(onB.id())).findFirst().orElseThrow();
		assertThat(bob.rooms()).containsExactlyInAnyOrder(onB.id(), "r1", "r2");
		assertThat(bob.data()).isEqualTo(Map.of("user", "bob"));
		assertThat(bob.handshake()).containsKeys("headers", "time", "address", "xdomain", "secure", "issued", "url",
				"query", "auth");
		assertThat(bob.handshake().get("query")).asInstanceOf(InstanceOfAssertFactories.map(String.class, Object.class))
			.containsEntry("room", "r1,r2")
			.containsEntry("EIO", "4");
		RemoteSocket local = sockets.stream().filter((socket) -> socket.id().equals(onA.id())).findFirst().orElseThrow();
		assertThat(local.rooms()).containsExactlyInAnyOrder(onA.id(), "r1");
	}

	@Test
	void fetchSocketsHonoursRoomsAndExcept() {
		assertThat(nodeA.cluster().in("r1").except("r2").fetchSockets().join()).extracting(RemoteSocket::id)
			.containsExactly(onA.id());
		assertThat(nodeB.cluster().in("r2").countSockets().join()).isOne();
	}

	@Test
	void allRoomsCoversEveryNode() {
		assertThat(nodeA.cluster().of("/").allRooms().join()).contains("r1", "r2", onA.id(), onB.id())
			.doesNotContain("");
	}

	@Test
	void socketsJoinAndLeaveApplyOnceOnEveryNode() {
		nodeA.cluster().in("r1").socketsJoin("joined").join();
		await().untilAsserted(() -> assertThat(nodeA.cluster().in("joined").fetchSockets().join())
			.extracting(RemoteSocket::id)
			.containsExactlyInAnyOrder(onA.id(), onB.id()));
		assertThat(nodeB.roomEvents()).filteredOn((event) -> event.getRoom().equals("joined"))
			.extracting(Object::toString)
			.containsOnlyOnce("join-room / joined " + onB.id());

		nodeB.cluster().in("joined").socketsLeave("joined").join();
		await().untilAsserted(() -> assertThat(nodeA.cluster().in("joined").countSockets().join()).isZero());
	}

	@Test
	void remoteSocketActsWhereTheSocketLives() {
		RemoteSocket bob = nodeA.cluster().of("/").fetchSockets().join()
			.stream()
			.filter((socket) -> socket.id().equals(onB.id()))
			.findFirst()
			.orElseThrow();
		bob.emit("ping", "to-bob").join();
		assertThat(onB.awaitEvents("ping", 1)).contains(List.of("to-bob"));
		assertThat(onA.events("ping")).doesNotContain(List.of("to-bob"));
	}

	@Test
	void serverSideEmitWithAckCollectsTheOtherNodesAnswers() {
		assertThat(nodeA.cluster().of("/").serverSideEmitWithAck("whoami", 1).join()).containsExactly("B:[1]");
		assertThat(nodeB.cluster().of("/").serverSideEmitWithAck("whoami").join()).containsExactly("A");
	}

	@Test
	void broadcastWithAcksCollectsTheClientsOfEveryNode() {
		List<Object> acks = nodeA.cluster().to("r1").timeout(Duration.ofSeconds(5)).emitWithAck("ask", "q").join();
		assertThat(acks).containsExactlyInAnyOrder("from-A", "from-B");
	}

	@Test
	void broadcastWithAcksTimesOutWithWhatArrived() {
		try (SocketIoTestClient silent = SocketIoTestClient.connect(nodeB.port(), "", "room=silent")) {
			CompletableFuture<List<Object>> acks = nodeA.cluster()
				.to("silent", "r2")
				.timeout(Duration.ofMillis(800))
				.emitWithAck("ask", "q");
			assertThatExceptionOfType(CompletionException.class).isThrownBy(acks::join)
				.havingCause()
				.isInstanceOfSatisfying(RequestTimeoutException.class,
						(timeout) -> assertThat(timeout.partial()).containsExactly("from-B"));
		}
	}

	@Test
	void disconnectSocketsReachesRemoteSockets() {
		try (SocketIoTestClient doomed = SocketIoTestClient.connect(nodeB.port(), "", "room=doomed")) {
			nodeA.cluster().in("doomed").disconnectSockets(true).join();
			await().untilAsserted(() -> assertThat(doomed.events(Socket.EVENT_DISCONNECT)).isNotEmpty());
		}
	}

	@Test
	void emitterRequestsReachTheSocketsAndListenersOfEveryJavaNode() {
		List<List<Object>> received = new java.util.concurrent.CopyOnWriteArrayList<>();
		nodeA.cluster().of("/").onServerSideEmit("note", (args) -> received.add(args));
		nodeB.cluster().of("/").onServerSideEmit("note", (args) -> received.add(args));

		nodeA.emitter().serverSideEmit("note", "from-emitter", 1).join();
		await().untilAsserted(() -> assertThat(received).containsExactly(List.of("from-emitter", 1),
				List.of("from-emitter", 1)));

		nodeA.emitter().in("r1").socketsJoin("via-emitter").join();
		await().untilAsserted(() -> assertThat(nodeB.cluster().in("via-emitter").fetchSockets().join())
			.extracting(RemoteSocket::id)
			.containsExactlyInAnyOrder(onA.id(), onB.id()));
		nodeA.emitter().in("via-emitter").except("r2").socketsLeave("via-emitter").join();
		await().untilAsserted(() -> assertThat(nodeB.cluster().in("via-emitter").fetchSockets().join())
			.extracting(RemoteSocket::id)
			.containsExactly(onB.id()));

		try (SocketIoTestClient doomed = SocketIoTestClient.connect(nodeA.port(), "", "room=emitter-doomed")) {
			nodeB.emitter().in("emitter-doomed").disconnectSockets(false).join();
			await().untilAsserted(() -> assertThat(doomed.events(Socket.EVENT_DISCONNECT)).isNotEmpty());
		}
	}

	@Test
	void unreadableRequestsAreCountedAndIgnored() throws Exception {
		long before = nodeB.cluster().of("/").monitor().ignoredRequests();
		redis.command("PUBLISH socket.io-request#/# not-json-nor-msgpack");
		redis.command("PUBLISH socket.io-request#/# {}"); // no type
		await().untilAsserted(() -> assertThat(nodeB.cluster().of("/").monitor().ignoredRequests()).isEqualTo(before + 2));
		assertThat(nodeB.cluster().of("/").fetchSockets().join()).isNotEmpty();
	}

	@Test
	void silentSubscriberMakesRequestsFailWithinTheTimeoutWithoutLeaking() {
		RedisClient client = RedisClient.create(RedisURI.create(redis.host(), redis.port()));
		try (StatefulRedisPubSubConnection<String, String> silent = client.connectPubSub()) {
			silent.sync().subscribe("socket.io-request#/#");
			long started = System.nanoTime();
			assertThatExceptionOfType(CompletionException.class)
				.isThrownBy(() -> nodeA.cluster().of("/").fetchSockets().join())
				.havingCause()
				.isInstanceOf(RequestTimeoutException.class)
				.withMessage("timeout reached while waiting for fetchSockets response: only 2 responses received out of 3");
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));

			List<CompletableFuture<?>> requests = new ArrayList<>();
			for (int i = 0; i < 2000; i++) {
				requests.add(nodeA.cluster().of("/").allRooms());
			}
			await().atMost(Duration.ofSeconds(30)).until(() -> requests.stream().allMatch(CompletableFuture::isDone));
			assertThat(requests).allMatch(CompletableFuture::isCompletedExceptionally);
			assertThat(nodeA.cluster().of("/").monitor().pendingRequests()).isZero();
		}
		finally {
			client.shutdown();
		}
	}

}
