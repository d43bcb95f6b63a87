package dev.socketioredis.pubsub;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import dev.socketioredis.adapter.RemoteSocket;
import dev.socketioredis.protocol.SubscriptionMode;
import dev.socketioredis.test.ClusterNode;
import dev.socketioredis.test.NodePeer;
import dev.socketioredis.test.NodePeer.Acks;
import dev.socketioredis.test.NodePeer.Client;
import dev.socketioredis.test.RedisClusterTestServer;
import dev.socketioredis.test.SocketIoTestClient;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A mixed cluster on a real Redis Cluster (3 masters, 3 replicas) with the sharded transport, in each subscription
 * mode: two Java nodes and a Node.js server ({@code socket.io} 4.8, {@code createShardedAdapter} of
 * {@code @socket.io/redis-adapter} 8.3.0 on a node-redis cluster client). Every operation, both ways.
 *
 * <p>
 * Each mode has its own key prefix, so the modes do not hear each other. Clients, on {@code /}: {@code a1} on A
 * (room {@code r1}), {@code b1} on B (rooms {@code r1}, {@code r2}), Node client {@code n1} on the Node server (rooms
 * {@code r1}, {@code r3}); each acknowledges {@code ask} with {@code from-<name>}.
 */
@ParameterizedClass
@EnumSource(SubscriptionMode.class)
class ShardedMixedClusterIntegrationTests {

	@RegisterExtension
	static RedisClusterTestServer redis = new RedisClusterTestServer();

	static NodePeer nodePeer;

	static ClusterNode javaA;

	static ClusterNode javaB;

	static SocketIoTestClient a1;

	static SocketIoTestClient b1;

	static String n1;

	@Parameter
	SubscriptionMode mode;

	@BeforeParameterizedClassInvocation
	static void startCluster(SubscriptionMode mode) {
		String option = mode.name().toLowerCase().replace('_', '-');
		String key = "sharded-" + option;
		nodePeer = NodePeer.start(redis, "--adapter", "sharded", "--subscription-mode", option, "--key", key);
		javaA = ClusterNode.start(redis, properties(option, key, "java-a"));
		javaB = ClusterNode.start(redis, properties(option, key, "java-b"));
		javaA.cluster().of("/").onServerSideEmit("whoami", (args) -> "java-a");
		javaB.cluster().of("/").onServerSideEmit("whoami", (args) -> "java-b");
		a1 = SocketIoTestClient.connect(javaA.port(), "", "room=r1", "news", "bin").answering("ask", "from-a1");
		b1 = SocketIoTestClient.connect(javaB.port(), "", "room=r1,r2", "news", "bin").answering("ask", "from-b1");
		n1 = nodePeer.connectClient("n1", Client.v4().rooms("r1,r3").answering("ask", "from-n1")).socketId();
	}

	private static String[] properties(String mode, String key, String name) {
		return new String[] { "socketio.redis.transport=sharded", "socketio.redis.subscription-mode=" + mode,
				"socketio.redis.key=" + key, "spring.application.name=" + name };
	}

	@AfterParameterizedClassInvocation
	static void stopCluster() {
		Stream.of(a1, b1).filter(Objects::nonNull).forEach(SocketIoTestClient::close);
		if (nodePeer != null) {
			nodePeer.close();
		}
		Stream.of(javaA, javaB).filter(Objects::nonNull).parallel().forEach(ClusterNode::close);
	}

	@Test
	void broadcastsFromJavaReachTheClientsOfEveryNodeOnce() {
		javaA.cluster().to("r1").emit("news", "java-r1");
		javaB.cluster().to("r1").except("r2").emit("news", "java-r1-but-r2");
		javaA.cluster().to(n1).emit("news", "java-to-n1");
		javaB.cluster().emit("news", "java-all");

		awaitNews(a1, "java-r1", "java-r1-but-r2", "java-all");
		awaitNews(b1, "java-r1", "java-all");
		awaitNodeNews("java-r1", "java-r1-but-r2", "java-to-n1", "java-all");
		assertThat(news(a1)).doesNotContain("java-to-n1");
		assertThat(news(b1)).doesNotContain("java-r1-but-r2", "java-to-n1");
	}

	@Test
	void broadcastsFromNodeReachTheJavaClientsOnceTheirOwnRoomsToo() {
		nodePeer.emit(List.of("r1"), List.of(), "news", "node-r1");
		nodePeer.emit(List.of("r2"), List.of(), "news", "node-r2");
		nodePeer.emit(List.of("r1"), List.of("r2"), "news", "node-r1-but-r2");
		// Node's dynamic mode takes a Java socket id (36 characters) for a room: it publishes on its room channel
		nodePeer.emit(List.of(a1.id()), List.of(), "news", "node-to-a1");
		nodePeer.emit(List.of(b1.id(), "r3"), List.of(), "news", "node-to-b1-and-r3");
		nodePeer.emit(List.of(), List.of(), "news", "node-all");

		awaitNews(a1, "node-r1", "node-r1-but-r2", "node-to-a1", "node-all");
		awaitNews(b1, "node-r1", "node-r2", "node-to-b1-and-r3", "node-all");
		awaitNodeNews("node-r1", "node-r1-but-r2", "node-to-b1-and-r3", "node-all");
		assertThat(news(a1)).doesNotContain("node-r2", "node-to-b1-and-r3");
		assertThat(news(b1)).doesNotContain("node-r1-but-r2", "node-to-a1");
		assertThat(nodePeer.events("n1", "news")).map((args) -> args.get(0)).doesNotContain("node-r2", "node-to-a1");
	}

	@Test
	void binaryArgumentsCrossInBothDirections() {
		javaA.cluster().to("r3").emit("bin", (Object) new byte[] { 1, 2, (byte) 0xff });
		nodePeer.emit(List.of("r2"), List.of(), "bin", (Object) new byte[] { 9, 8 });

		List<List<Object>> onNode = nodePeer.awaitEvents("n1", "bin", 1);
		assertThat(onNode.get(0).get(0)).isEqualTo(new NodePeer.Binary("Buffer", "0102ff"));
		assertThat(b1.awaitEvents("bin", 1).get(0).get(0)).isEqualTo(new byte[] { 9, 8 });
	}

	@Test
	void fetchSocketsAndAllRoomsSeeEveryNodeBothWays() {
		assertThat(javaA.cluster().of("/").fetchSockets().join()).extracting(RemoteSocket::id)
			.containsExactlyInAnyOrder(a1.id(), b1.id(), n1);
		assertThat(javaB.cluster().in("r1").except("r2").fetchSockets().join()).extracting(RemoteSocket::id)
			.containsExactlyInAnyOrder(a1.id(), n1);
		assertThat(nodePeer.fetchSocketIds("/", List.of("r1"), List.of())).containsExactlyInAnyOrder(a1.id(), b1.id(),
				n1);
		// Node's sharded adapter has no allRooms message: a Java node asks for every socket's rooms instead
		assertThat(javaA.cluster().of("/").allRooms().join()).containsExactlyInAnyOrder("r1", "r2", "r3", a1.id(),
				b1.id(), n1);
	}

	@Test
	void socketsJoinAndLeaveApplyOnEveryNodeBothWays() {
		javaA.cluster().in("r1").socketsJoin("java-joined").join();
		await().untilAsserted(() -> assertThat(nodePeer.fetchSocketIds("/", List.of("java-joined"), List.of()))
			.containsExactlyInAnyOrder(a1.id(), b1.id(), n1));
		// the joined rooms work for broadcasts right away, from every node
		nodePeer.emit(List.of("java-joined"), List.of(), "news", "to-java-joined");
		awaitNews(a1, "to-java-joined");
		awaitNews(b1, "to-java-joined");

		nodePeer.socketsLeave("/", List.of("java-joined"), List.of("r2"), List.of("java-joined"));
		await().untilAsserted(() -> assertThat(javaA.cluster().in("java-joined").fetchSockets().join())
			.extracting(RemoteSocket::id)
			.containsExactly(b1.id()));
		nodePeer.socketsJoin("/", List.of("r3"), List.of(), List.of("node-joined"));
		await().untilAsserted(() -> assertThat(javaB.cluster().in("node-joined").fetchSockets().join())
			.extracting(RemoteSocket::id)
			.containsExactly(n1));
		javaB.cluster().in("java-joined").socketsLeave("java-joined").join();
		nodePeer.socketsLeave("/", List.of("node-joined"), List.of(), List.of("node-joined"));
		await().untilAsserted(() -> assertThat(javaA.cluster().in("java-joined").countSockets().join()).isZero());
	}

	@Test
	void serverSideEmitWithAckGetsEveryOtherServersAnswerBothWays() {
		Acks fromNode = nodePeer.serverSideEmitWithAck("/", Duration.ofSeconds(5), "whoami");
		assertThat(fromNode.error()).isNull();
		assertThat(fromNode.responses()).containsExactlyInAnyOrder("java-a", "java-b");
		assertThat(javaA.cluster().of("/").serverSideEmitWithAck("whoami").join()).containsExactlyInAnyOrder("node",
				"java-b");
	}

	@Test
	void broadcastsWithAcknowledgementsCollectTheClientsOfEveryNodeBothWays() {
		List<@Nullable Object> fromJava = javaA.cluster().to("r1").timeout(Duration.ofSeconds(5)).emitWithAck("ask",
				"q").join();
		assertThat(fromJava).containsExactlyInAnyOrder("from-a1", "from-b1", "from-n1");
		Acks fromNode = nodePeer.emitWithAck("/", List.of("r1"), List.of(), Duration.ofSeconds(5), "ask", "q");
		assertThat(fromNode.error()).isNull();
		assertThat(fromNode.responses()).containsExactlyInAnyOrder("from-a1", "from-b1", "from-n1");
	}

	@Test
	void disconnectSocketsReachesEveryNodeBothWays() {
		SocketIoTestClient doomedOnA = SocketIoTestClient.connect(javaA.port(), "", "room=doomed");
		String doomedOnNode = nodePeer.connectClient("doomed-n", Client.v4().rooms("doomed")).socketId();
		nodePeer.disconnectSockets("/", List.of("doomed"), List.of(), false);
		await().until(() -> !doomedOnA.socket().connected());

		SocketIoTestClient doomedOnB = SocketIoTestClient.connect(javaB.port(), "", "room=doomed2");
		String doomedOnNode2 = nodePeer.connectClient("doomed-n2", Client.v4().rooms("doomed2")).socketId();
		javaA.cluster().in("doomed2").disconnectSockets(true).join();
		await().until(() -> !doomedOnB.socket().connected());
		await().untilAsserted(() -> assertThat(nodePeer.fetchSocketIds("/", List.of(), List.of()))
			.doesNotContain(doomedOnNode, doomedOnNode2));
	}

	@Test
	void theShardedEmitterReachesTheClientsOfJavaAndNodeNodes() {
		javaA.emitter().to("r1").emit("news", "emitter-r1");
		javaA.emitter().to(a1.id()).emit("news", "emitter-to-a1");
		javaB.emitter().to(n1).emit("news", "emitter-to-n1");
		javaB.emitter().except("r2").emit("news", "emitter-all-but-r2");

		awaitNews(a1, "emitter-r1", "emitter-to-a1", "emitter-all-but-r2");
		awaitNews(b1, "emitter-r1");
		awaitNodeNews("emitter-r1", "emitter-to-n1", "emitter-all-but-r2");
	}

	@Test
	void theShardedEmitterJoinsLeavesAndTalksToServers() {
		javaA.emitter().in("r3").socketsJoin("emitter-joined").join();
		await().untilAsserted(() -> assertThat(nodePeer.fetchSocketIds("/", List.of("emitter-joined"), List.of()))
			.containsExactly(n1));
		javaA.emitter().in("emitter-joined").socketsLeave("emitter-joined").join();
		await().untilAsserted(() -> assertThat(javaB.cluster().in("emitter-joined").countSockets().join()).isZero());

		javaB.emitter().serverSideEmit("note", "from-emitter").join();
		assertThat(nodePeer.awaitEvents("server:/", "note", 1).get(0)).containsExactly("from-emitter");
	}

	private static void awaitNews(SocketIoTestClient client, String... news) {
		await().untilAsserted(() -> assertThat(news(client)).contains(news));
		assertThat(news(client)).doesNotHaveDuplicates();
	}

	private static List<Object> news(SocketIoTestClient client) {
		return client.events("news").stream().map((args) -> args.get(0)).toList();
	}

	private static void awaitNodeNews(String... news) {
		await().untilAsserted(() -> assertThat(nodePeer.events("n1", "news")).map((args) -> args.get(0))
			.contains(news));
		assertThat(nodePeer.events("n1", "news")).map((args) -> args.get(0)).doesNotHaveDuplicates();
	}

}
