package dev.socketioredis.pubsub;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import dev.socketioredis.adapter.RemoteSocket;
import dev.socketioredis.test.ClusterNode;
import dev.socketioredis.test.NodePeer;
import dev.socketioredis.test.NodePeer.Client;
import dev.socketioredis.test.RedisClusterTestServer;
import dev.socketioredis.test.SocketIoTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The classic transport on a Redis Cluster, beside Node's classic adapter there (node-redis cluster client): a
 * {@code PUBLISH} reaches every node of the cluster, and each node counts only its own subscribers, so the nodes of
 * the Socket.IO cluster are counted on every Redis node (a count taken on one alone would leave requests waiting for
 * answers that never come, or not waiting for those that do).
 */
class ClassicOnRedisClusterIntegrationTests {

	@RegisterExtension
	static RedisClusterTestServer redis = new RedisClusterTestServer();

	static ClusterNode javaA;

	static ClusterNode javaB;

	static NodePeer nodePeer;

	static SocketIoTestClient a1;

	static SocketIoTestClient b1;

	static String n1;

	@BeforeAll
	static void startCluster() {
		javaA = ClusterNode.start(redis);
		javaB = ClusterNode.start(redis);
		nodePeer = NodePeer.start(redis);
		a1 = SocketIoTestClient.connect(javaA.port(), "", "room=r1", "news");
		b1 = SocketIoTestClient.connect(javaB.port(), "", "room=r2", "news");
		n1 = nodePeer.connectClient("n1", Client.v4().rooms("r1")).socketId();
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
	void everyNodeIsCountedAndAnswers() {
		assertThat(javaA.cluster().of("/").monitor().countNodes().join()).isEqualTo(3);
		assertThat(javaA.cluster().of("/").fetchSockets().join()).extracting(RemoteSocket::id)
			.containsExactlyInAnyOrder(a1.id(), b1.id(), n1);
		assertThat(nodePeer.fetchSocketIds("/", List.of(), List.of())).containsExactlyInAnyOrder(a1.id(), b1.id(), n1);
		assertThat(javaB.cluster().of("/").monitor().isSubscribed().join()).isTrue();
	}

	@Test
	void broadcastsReachEveryNodeBothWays() {
		javaB.cluster().to("r1").emit("news", "from-java");
		nodePeer.emit(List.of("r2"), List.of(), "news", "from-node");

		await().untilAsserted(() -> {
			assertThat(a1.events("news")).containsExactly(List.of("from-java"));
			assertThat(b1.events("news")).containsExactly(List.of("from-node"));
			assertThat(nodePeer.events("n1", "news")).containsExactly(List.of("from-java"));
		});
	}

}
