package dev.socketioredis.pubsub;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import dev.socketioredis.adapter.RemoteSocket;
import dev.socketioredis.test.ClusterNode;
import dev.socketioredis.test.NodePeer;
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
 * The sharded transport on a standalone Redis 7, where {@code SPUBLISH} behaves like {@code PUBLISH}: two Java nodes
 * and a Node server with {@code createShardedAdapter} deliver to each other, and again after Redis restarted.
 */
class ShardedStandaloneIntegrationTests {

	@RegisterExtension
	static RedisTestServer redis = new RedisTestServer();

	static ClusterNode javaA;

	static ClusterNode javaB;

	static NodePeer nodePeer;

	static SocketIoTestClient a1;

	static String n1;

	@BeforeAll
	static void startCluster() {
		javaA = ClusterNode.start(redis, "socketio.redis.transport=sharded");
		javaB = ClusterNode.start(redis, "socketio.redis.transport=sharded");
		nodePeer = NodePeer.start(redis, "--adapter", "sharded");
		a1 = SocketIoTestClient.connect(javaA.port(), "", "room=r1", "news");
		n1 = nodePeer.connectClient("n1", Client.v4().rooms("r1")).socketId();
	}

	@AfterAll
	static void stopCluster() {
		if (a1 != null) {
			a1.close();
		}
		if (nodePeer != null) {
			nodePeer.close();
		}
		Stream.of(javaA, javaB).filter(Objects::nonNull).parallel().forEach(ClusterNode::close);
	}

	@Test
	void javaAndNodeNodesDeliverToEachOtherBeforeAndAfterRedisRestarted() throws Exception {
		assertDelivery("before");

		redis.stop();
		redis.start();

		await().untilAsserted(() -> {
			javaB.cluster().to("r1").emit("news", "probe");
			assertThat(a1.events("news")).contains(List.of("probe"));
		});
		assertDelivery("after");
	}

	private static void assertDelivery(String when) {
		javaB.cluster().to("r1").emit("news", when + "-from-java");
		nodePeer.emit(List.of("r1"), List.of(), "news", when + "-from-node");
		await().untilAsserted(() -> assertThat(a1.events("news")).contains(List.of(when + "-from-java"),
				List.of(when + "-from-node")));
		await().untilAsserted(() -> assertThat(nodePeer.events("n1", "news")).contains(List.of(when + "-from-java")));
		assertThat(javaB.cluster().in("r1").fetchSockets().join()).extracting(RemoteSocket::id)
			.containsExactlyInAnyOrder(a1.id(), n1);
	}

}
