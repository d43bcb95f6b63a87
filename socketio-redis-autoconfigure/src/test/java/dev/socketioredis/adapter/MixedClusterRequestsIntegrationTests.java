package dev.socketioredis.adapter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

import dev.socketioredis.test.ClusterNode;
import dev.socketioredis.test.NodePeer;
import dev.socketioredis.test.NodePeer.Acks;
import dev.socketioredis.test.NodePeer.Client;
import dev.socketioredis.test.RedisTestServer;
import dev.socketioredis.test.SocketIoTestClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.socket.client.Socket;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Cluster requests across a mixed cluster, in both directions: two Java nodes and a Node.js Socket.IO server
 * ({@code socket.io} 4.8 with {@code @socket.io/redis-adapter} 8.3.0, see {@code src/test/node}) plus
 * {@code @socket.io/redis-emitter} 5.1.0, on one Redis. fetchSockets, allRooms, socketsJoin/Leave, disconnectSockets,
 * serverSideEmitWithAck and broadcasts with acknowledgements each get every node's answer, without waiting for a
 * timeout, and are applied once; a node that stops answering makes a request fail within
 * {@code socketio.redis.requests-timeout}.
 *
 * <p>
 * Java node A answers on the common response channel; Java node B has
 * {@code socketio.redis.publish-on-specific-response-channel=true}, so every answer it gives the Node server goes to
 * the Node server's own channel. Clients, all on {@code /}: {@code a1} on A (room {@code r1}, auth, data
 * {@code alice}), {@code b1} on B (rooms {@code r1}, {@code r2}), Node client {@code n1} on the Node server (rooms
 * {@code r1}, {@code r3}, auth, data {@code nora}); each acknowledges {@code ask} with {@code from-<name>}. Server-side
 * event {@code whoami} is answered with {@code java-a}, {@code java-b} and {@code node}.
 */
class MixedClusterRequestsIntegrationTests {

	private static final Duration REQUESTS_TIMEOUT = Duration.ofSeconds(2);

	@RegisterExtension
	static RedisTestServer redis = new RedisTestServer();

	static NodePeer nodePeer;

	static ClusterNode javaA;

	static ClusterNode javaB;

	static SocketIoTestClient a1;

	static SocketIoTestClient b1;

	static String n1;

	/** The arguments of each {@code emitter-hello} server-side event, per Java node. */
	static final List<List<@Nullable Object>> helloOnA = new CopyOnWriteArrayList<>();

	static final List<List<@Nullable Object>> helloOnB = new CopyOnWriteArrayList<>();

	@BeforeAll
	static void startCluster() {
		nodePeer = NodePeer.start(redis);
		javaA = ClusterNode.start(redis, "socketio.redis.requests-timeout=" + REQUESTS_TIMEOUT.toMillis() + "ms");
		javaB = ClusterNode.start(redis, "socketio.redis.requests-timeout=" + REQUESTS_TIMEOUT.toMillis() + "ms",
				"socketio.redis.publish-on-specific-response-channel=true");
		javaA.cluster().of("/").onServerSideEmit("whoami", (args) -> "java-a");
		javaB.cluster().of("/").onServerSideEmit("whoami", (args) -> "java-b");
		javaA.cluster().of("/").onServerSideEmit("only-a", (args) -> "java-a");
		javaA.cluster().of("/").onServerSideEmit("emitter-hello", (args) -> {
			helloOnA.add(args);
			return null;
		});
		javaB.cluster().of("/").onServerSideEmit("emitter-hello", (args) -> {
			helloOnB.add(args);
			return null;
		});
		a1 = SocketIoTestClient.connect(javaA.port(), "", "room=r1", Map.of("token", "ta")).answering("ask", "from-a1");
		SocketData.set(javaA.server().getClient(UUID.fromString(a1.id())), Map.of("user", "alice"));
		b1 = SocketIoTestClient.connect(javaB.port(), "", "room=r1,r2").answering("ask", "from-b1");
		n1 = nodePeer.connectClient("n1", Client.v4()
			.rooms("r1,r3")
			.auth(Map.of("token", "tn"))
			.data(Map.of("user", "nora"))
			.answering("ask", "from-n1")).socketId();
	}

	@AfterAll
	static void stopCluster() {
		Stream.of(a1, b1).filter(Objects::nonNull).forEach(SocketIoTestClient::close);
		if (nodePeer != null) {
			nodePeer.close();
		}
		Stream.of(javaA, javaB).filter(Objects::nonNull).parallel().forEach(ClusterNode::close);
	}

	@Test
	void javaFetchSocketsSeesTheNodeSocketsWithRoomsHandshakeAndData() {
		long started = System.nanoTime();
		List<RemoteSocket> sockets = javaA.cluster().of("/").fetchSockets().join();

		// every node answered: nothing waited for the requests timeout
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(REQUESTS_TIMEOUT);
		assertThat(sockets).extracting(RemoteSocket::id).contains(a1.id(), b1.id(), n1);
		RemoteSocket nora = socket(sockets, n1);
		assertThat(nora.rooms()).containsExactlyInAnyOrder(n1, "r1", "r3");
		assertThat(nora.data()).isEqualTo(Map.of("user", "nora"));
		assertThat(nora.handshake()).containsKeys("headers", "time", "address", "xdomain", "secure", "issued", "url",
				"query", "auth");
		assertThat(nora.handshake().get("query")).asInstanceOf(InstanceOfAssertFactories.map(String.class, Object.class))
			.containsEntry("room", "r1,r3")
			.containsEntry("EIO", "4")
			.containsEntry("transport", "websocket");
		assertThat(nora.handshake().get("auth")).isEqualTo(Map.of("token", "tn"));
		assertThat(socket(sockets, b1.id()).rooms()).containsExactlyInAnyOrder(b1.id(), "r1", "r2");

		assertThat(javaA.cluster().in("r3").fetchSockets().join()).extracting(RemoteSocket::id).containsExactly(n1);
		assertThat(javaB.cluster().in("r1").except("r2").fetchSockets().join()).extracting(RemoteSocket::id)
			.containsExactlyInAnyOrder(a1.id(), n1);
	}

	@Test
	void nodeFetchSocketsSeesTheJavaSocketsOfBothNodesWithRoomsHandshakeAndData() {
		// the Node adapter fails after its requestsTimeout (5 s) unless both Java nodes answer
		List<Map<String, Object>> sockets = nodePeer.fetchSockets("/", List.of(), List.of());

		assertThat(sockets).extracting((socket) -> socket.get("id")).contains(a1.id(), b1.id(), n1);
		Map<String, Object> alice = nodeSocket(sockets, a1.id());
		assertThat(alice.get("rooms")).asInstanceOf(InstanceOfAssertFactories.LIST)
			.containsExactlyInAnyOrder(a1.id(), "r1");
		assertThat(alice.get("data")).isEqualTo(Map.of("user", "alice"));
		assertThat(alice.get("handshake")).asInstanceOf(InstanceOfAssertFactories.map(String.class, Object.class))
			.containsKeys("headers", "time", "address", "xdomain", "secure", "issued", "url", "query")
			.containsEntry("auth", Map.of("token", "ta"))
			.extractingByKey("query", InstanceOfAssertFactories.map(String.class, Object.class))
			.containsEntry("room", "r1")
			.containsEntry("EIO", "4");
		Map<String, Object> bob = nodeSocket(sockets, b1.id());
		assertThat(bob.get("rooms")).asInstanceOf(InstanceOfAssertFactories.LIST)
			.containsExactlyInAnyOrder(b1.id(), "r1", "r2");
		assertThat(bob).doesNotContainKey("data");

		assertThat(nodePeer.fetchSocketIds("/", List.of("r1"), List.of("r2"))).containsExactlyInAnyOrder(a1.id(), n1);
	}

	@Test
	void nodeFetchSocketsGetsTheAnswerOfAJavaNodeOnItsOwnResponseChannel() {
		String own = "socket.io-response#/#" + nodePeer.uid() + "#";
		String common = "socket.io-response#/#";
		List<String> onOwn = new CopyOnWriteArrayList<>();
		List<String> onCommon = new CopyOnWriteArrayList<>();
		RedisClient client = RedisClient.create(RedisURI.create(redis.host(), redis.port()));
		try (StatefulRedisPubSubConnection<String, String> watcher = client.connectPubSub()) {
			watcher.addListener(new RedisPubSubAdapter<>() {
				@Override
				public void message(String channel, String message) {
					(channel.equals(own) ? onOwn : onCommon).add(message);
				}
			});
			watcher.sync().subscribe(own, common);

			assertThat(nodePeer.fetchSocketIds("/", List.of("r1"), List.of())).containsExactlyInAnyOrder(a1.id(),
					b1.id(), n1);

			// B (publish-on-specific-response-channel) answered on the Node server's channel, A on the common one
			await().untilAsserted(() -> {
				assertThat(onOwn).anyMatch((message) -> message.contains(b1.id()));
				assertThat(onCommon).anyMatch((message) -> message.contains(a1.id()));
			});
			assertThat(onCommon).noneMatch((message) -> message.contains(b1.id()));
			assertThat(onOwn).noneMatch((message) -> message.contains(a1.id()));
		}
		finally {
			client.shutdown();
		}
	}

	@Test
	void allRoomsCoversEveryNodeBothWays() {
		assertThat(javaA.cluster().of("/").allRooms().join()).contains("r1", "r2", "r3", a1.id(), b1.id(), n1);
		assertThat(nodePeer.allRooms("/")).contains("r1", "r2", "r3", a1.id(), b1.id(), n1);
	}

	@Test
	void javaSocketsJoinAndLeaveReachTheNodeSocketsAndApplyOnce() {
		javaA.cluster().in("r1").socketsJoin("java-joined").join();

		await().untilAsserted(() -> assertThat(nodePeer.fetchSocketIds("/", List.of("java-joined"), List.of()))
			.containsExactlyInAnyOrder(a1.id(), b1.id(), n1));
		assertJoinedOnce(javaA, "java-joined", a1.id());
		assertJoinedOnce(javaB, "java-joined", b1.id());

		javaA.cluster().in("java-joined").except("r2").socketsLeave("java-joined").join();

		await().untilAsserted(() -> assertThat(nodePeer.fetchSocketIds("/", List.of("java-joined"), List.of()))
			.containsExactly(b1.id()));
		assertThat(roomEvents(javaA, "java-joined")).containsOnlyOnce("leave-room / java-joined " + a1.id());
		assertThat(roomEvents(javaB, "java-joined")).noneMatch((event) -> event.startsWith("leave-room"));
		javaB.cluster().in("java-joined").socketsLeave("java-joined").join();
		await().untilAsserted(() -> assertThat(javaA.cluster().in("java-joined").countSockets().join()).isZero());
	}

	@Test
	void javaSocketsJoinThenLeaveBackToBackAreEachAppliedOnceInOrderOnEveryServer() {
		// a second application of the join (the requester's own echo, say) would put the sockets back into the room
		javaA.cluster().in("r1").socketsJoin("flip").join();
		javaA.cluster().in("r1").socketsLeave("flip").join();

		// published after both on the same connection: every server handled them before answering
		assertThat(javaA.cluster().in("flip").fetchSockets().join()).isEmpty();
		assertThat(nodePeer.fetchSocketIds("/", List.of("flip"), List.of())).isEmpty();
		assertThat(roomEvents(javaA, "flip")).containsExactly("create-room / flip", "join-room / flip " + a1.id(),
				"leave-room / flip " + a1.id(), "delete-room / flip");
		assertThat(roomEvents(javaB, "flip")).containsExactly("create-room / flip", "join-room / flip " + b1.id(),
				"leave-room / flip " + b1.id(), "delete-room / flip");
	}

	@Test
	void remoteSocketOfANodeSocketJoinsAndLeavesOnTheNodeServer() {
		RemoteSocket nora = javaA.cluster().in(n1).fetchSockets().join().get(0);

		nora.join("remote-joined");
		await().untilAsserted(() -> assertThat(nodePeer.fetchSocketIds("/", List.of("remote-joined"), List.of()))
			.containsExactly(n1));
		assertThat(javaB.cluster().in("remote-joined").fetchSockets().join()).extracting(RemoteSocket::id)
			.containsExactly(n1);

		nora.leave("remote-joined");
		await().untilAsserted(() -> assertThat(javaB.cluster().in("remote-joined").countSockets().join()).isZero());
	}

	@Test
	void nodeSocketsJoinAndLeaveReachTheJavaSocketsOfBothNodesOnce() {
		nodePeer.socketsJoin("/", List.of("r1"), List.of(), List.of("node-joined"));

		await().untilAsserted(() -> assertThat(javaA.cluster().in("node-joined").fetchSockets().join())
			.extracting(RemoteSocket::id)
			.containsExactlyInAnyOrder(a1.id(), b1.id(), n1));
		// a request from the same publisher, answered by both Java nodes: they handled the join before it
		nodePeer.fetchSockets("/", List.of("node-joined"), List.of());
		assertJoinedOnce(javaA, "node-joined", a1.id());
		assertJoinedOnce(javaB, "node-joined", b1.id());

		nodePeer.socketsLeave("/", List.of("node-joined"), List.of("r2"), List.of("node-joined"));

		await().untilAsserted(() -> assertThat(javaB.cluster().in("node-joined").fetchSockets().join())
			.extracting(RemoteSocket::id)
			.containsExactly(b1.id()));
		nodePeer.fetchSockets("/", List.of(), List.of());
		assertThat(roomEvents(javaA, "node-joined")).containsOnlyOnce("leave-room / node-joined " + a1.id());
		assertThat(roomEvents(javaB, "node-joined")).noneMatch((event) -> event.startsWith("leave-room"));
		nodePeer.socketsLeave("/", List.of(), List.of(), List.of("node-joined"));
		await().untilAsserted(() -> assertThat(javaA.cluster().in("node-joined").countSockets().join()).isZero());
	}

	@Test
	void nodeEmitterSocketsJoinAndLeaveMoveTheJavaSockets() {
		nodePeer.emitterSocketsJoin("/", List.of("r1"), List.of("r3"), List.of("emitter-joined"));

		await().untilAsserted(() -> assertThat(javaA.cluster().in("emitter-joined").fetchSockets().join())
			.extracting(RemoteSocket::id)
			.containsExactlyInAnyOrder(a1.id(), b1.id()));
		assertJoinedOnce(javaA, "emitter-joined", a1.id());
		assertJoinedOnce(javaB, "emitter-joined", b1.id());

		nodePeer.emitterSocketsLeave("/", List.of("r2"), List.of(), List.of("emitter-joined"));

		await().untilAsserted(() -> assertThat(javaA.cluster().in("emitter-joined").fetchSockets().join())
			.extracting(RemoteSocket::id)
			.containsExactly(a1.id()));
		nodePeer.emitterSocketsLeave("/", List.of(), List.of(), List.of("emitter-joined"));
		await().untilAsserted(() -> assertThat(javaA.cluster().in("emitter-joined").countSockets().join()).isZero());
	}

	@Test
	void disconnectSocketsReachesNodeSocketsFromJavaAndJavaSocketsFromNodeAndTheNodeEmitter() {
		nodePeer.connectClient("doomed-n", Client.v4().rooms("doomed-by-java"));
		try (SocketIoTestClient doomedA = SocketIoTestClient.connect(javaA.port(), "", "room=doomed-by-node");
				SocketIoTestClient doomedB = SocketIoTestClient.connect(javaB.port(), "", "room=doomed-by-node");
				SocketIoTestClient doomedByEmitter = SocketIoTestClient.connect(javaB.port(), "",
						"room=doomed-by-emitter")) {
			javaA.cluster().in("doomed-by-java").disconnectSockets(false).join();
			nodePeer.disconnectSockets("/", List.of("doomed-by-node"), List.of(), true);
			nodePeer.emitterDisconnectSockets("/", List.of("doomed-by-emitter"), List.of(), false);

			assertThat(nodePeer.awaitEvents("doomed-n", "disconnect", 1)).containsExactly(List.of("io server disconnect"));
			await().untilAsserted(() -> {
				assertThat(doomedA.events(Socket.EVENT_DISCONNECT)).hasSize(1);
				assertThat(doomedB.events(Socket.EVENT_DISCONNECT)).hasSize(1);
				assertThat(doomedByEmitter.events(Socket.EVENT_DISCONNECT)).hasSize(1);
			});
			assertThat(nodePeer.fetchSocketIds("/", List.of(), List.of())).contains(a1.id(), b1.id(), n1)
				.doesNotContain(doomedA.id(), doomedB.id(), doomedByEmitter.id());
			assertThat(a1.events(Socket.EVENT_DISCONNECT)).isEmpty();
			assertThat(b1.events(Socket.EVENT_DISCONNECT)).isEmpty();
		}
		finally {
			nodePeer.closeClient("doomed-n");
		}
	}

	@Test
	void serverSideEmitWithAckGetsEveryOtherServersAnswerBothWays() {
		Acks fromNode = nodePeer.serverSideEmitWithAck("/", Duration.ofSeconds(5), "whoami");
		assertThat(fromNode.error()).isNull();
		assertThat(fromNode.responses()).containsExactlyInAnyOrder("java-a", "java-b");

		long started = System.nanoTime();
		assertThat(javaA.cluster().of("/").serverSideEmitWithAck("whoami").join()).containsExactlyInAnyOrder("node",
				"java-b");
		assertThat(javaB.cluster().of("/").serverSideEmitWithAck("whoami", 1).join()).containsExactlyInAnyOrder("node",
				"java-a");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(REQUESTS_TIMEOUT);
	}

	@Test
	void nodeServerSideEmitWithAckGetsTheAnswersThatCameWhenAJavaNodeHasNoListener() {
		// B has no "only-a" listener and so stays silent, as a Node server does
		Acks acks = nodePeer.serverSideEmitWithAck("/", Duration.ofMillis(1000), "only-a");

		assertThat(acks.error()).isEqualTo("timeout reached: only 1 responses received out of 2");
		assertThat(acks.responses()).containsExactly("java-a");
	}

	@Test
	void nodeEmitterServerSideEmitReachesTheJavaListenersOnce() {
		nodePeer.emitterServerSideEmit("/", "emitter-hello", "hi", 1);

		await().untilAsserted(() -> {
			assertThat(helloOnA).containsExactly(List.of("hi", 1));
			assertThat(helloOnB).containsExactly(List.of("hi", 1));
		});
	}

	@Test
	void broadcastWithAcksCollectsTheClientsOfEveryServerBothWays() {
		List<@Nullable Object> fromJava = javaA.cluster().to("r1").timeout(Duration.ofSeconds(5)).emitWithAck("ask",
				"q").join();
		assertThat(fromJava).containsExactlyInAnyOrder("from-a1", "from-b1", "from-n1");

		Acks fromNode = nodePeer.emitWithAck("/", List.of("r1"), List.of(), Duration.ofSeconds(5), "ask", "q");
		assertThat(fromNode.error()).isNull();
		assertThat(fromNode.responses()).containsExactlyInAnyOrder("from-a1", "from-b1", "from-n1");

		Acks exceptR2 = nodePeer.emitWithAck("/", List.of("r1"), List.of("r2"), Duration.ofSeconds(5), "ask", "q");
		assertThat(exceptR2.responses()).containsExactlyInAnyOrder("from-a1", "from-n1");
	}

	@Test
	void aNodeThatStopsAnsweringMakesJavaRequestsFailWithinTheRequestsTimeout() throws Exception {
		NamespaceAdapter root = javaA.cluster().of("/");
		nodePeer.suspend(); // still subscribed, so still counted by PUBSUB NUMSUB, but silent
		try {
			long started = System.nanoTime();
			CompletableFuture<List<RemoteSocket>> fetch = root.fetchSockets();
			CompletableFuture<List<@Nullable Object>> whoami = root.serverSideEmitWithAck("whoami");
			CompletableFuture<List<@Nullable Object>> acks = javaA.cluster()
				.to("r1")
				.timeout(REQUESTS_TIMEOUT)
				.emitWithAck("ask", "q");
			Duration limit = REQUESTS_TIMEOUT.plusSeconds(3);

			RequestTimeoutException fetchFailure = timeoutOf(fetch, limit);
			assertThat(fetchFailure)
				.hasMessage("timeout reached while waiting for fetchSockets response: only 2 responses received out of 3");
			assertThat(fetchFailure.partial()).extracting((socket) -> ((RemoteSocket) socket).id())
				.contains(a1.id(), b1.id())
				.doesNotContain(n1);
			RequestTimeoutException whoamiFailure = timeoutOf(whoami, limit);
			assertThat(whoamiFailure).hasMessageEndingWith("only 1 responses received out of 2");
			assertThat(whoamiFailure.partial()).containsExactly("java-b");
			assertThat(timeoutOf(acks, limit).partial()).containsExactlyInAnyOrder("from-a1", "from-b1");
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(REQUESTS_TIMEOUT, limit);
			assertThat(root.monitor().pendingRequests()).isZero();
		}
		finally {
			nodePeer.resume();
		}
	}

	private static RequestTimeoutException timeoutOf(CompletableFuture<?> future, Duration limit) {
		Throwable failure = assertThat(future).failsWithin(limit)
			.withThrowableOfType(ExecutionException.class)
			.actual()
			.getCause();
		assertThat(failure).isInstanceOf(RequestTimeoutException.class);
		return (RequestTimeoutException) failure;
	}

	private static void assertJoinedOnce(ClusterNode node, String room, String socketId) {
		assertThat(roomEvents(node, room)).containsOnlyOnce("join-room / " + room + " " + socketId)
			.filteredOn((event) -> event.startsWith("join-room"))
			.hasSize(1);
	}

	private static List<String> roomEvents(ClusterNode node, String room) {
		List<String> events = new ArrayList<>();
		node.roomEvents()
			.stream()
			.filter((event) -> event.getRoom().equals(room))
			.forEach((event) -> events.add(event.toString()));
		return events;
	}

	private static RemoteSocket socket(List<RemoteSocket> sockets, String id) {
		return sockets.stream().filter((socket) -> socket.id().equals(id)).findFirst().orElseThrow();
	}

	private static Map<String, Object> nodeSocket(List<Map<String, Object>> sockets, String id) {
		return sockets.stream().filter((socket) -> id.equals(socket.get("id"))).findFirst().orElseThrow();
	}

}
