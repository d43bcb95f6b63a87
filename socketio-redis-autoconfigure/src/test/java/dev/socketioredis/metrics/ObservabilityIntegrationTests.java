package dev.socketioredis.metrics;

import java.util.List;

import dev.socketioredis.actuate.SocketIoEndpoint;
import dev.socketioredis.actuate.SocketIoEndpoint.NamespaceDescriptor;
import dev.socketioredis.health.SocketIoHealthIndicator;
import dev.socketioredis.test.ClusterNode;
import dev.socketioredis.test.RedisTestServer;
import dev.socketioredis.test.SocketIoTestClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Meters, the {@code socketio} health indicator and the {@code socketio} endpoint of two real nodes.
 */
class ObservabilityIntegrationTests {

	@RegisterExtension
	static RedisTestServer redis = new RedisTestServer();

	static ClusterNode nodeA;

	static ClusterNode nodeB;

	static SocketIoTestClient clientOnB;

	@BeforeAll
	static void startCluster() {
		String[] properties = { "management.endpoints.web.exposure.include=socketio",
				"spring.data.redis.timeout=500ms" };
		nodeA = ClusterNode.start(redis, properties);
		nodeB = ClusterNode.start(redis, properties);
		clientOnB = SocketIoTestClient.connect(nodeB.port(), "", "room=r1", "news");
	}

	@AfterAll
	static void stopCluster() {
		clientOnB.close();
		nodeA.close();
		nodeB.close();
	}

	@Test
	void metersCountTrafficRequestsAndClients() {
		nodeA.cluster().to("r1").emit("news", "x").join();
		clientOnB.awaitEvents("news", 1);
		nodeA.cluster().of("/").fetchSockets().join();

		MeterRegistry registryA = nodeA.context().getBean(MeterRegistry.class);
		MeterRegistry registryB = nodeB.context().getBean(MeterRegistry.class);
		assertThat(registryA.get("socketio.redis.messages.published").tag("namespace", "/").tag("kind", "broadcast")
			.counter()
			.count()).isPositive();
		assertThat(registryA.get("socketio.redis.bytes.published").tag("kind", "broadcast").counter().count())
			.isPositive();
		await().untilAsserted(() -> assertThat(registryB.get("socketio.redis.messages.received")
			.tag("kind", "broadcast")
			.counter()
			.count()).isPositive());
		assertThat(registryA.get("socketio.redis.requests")
			.tags("namespace", "/", "type", "fetchSockets", "outcome", "success")
			.timer()
			.count()).isOne();
		assertThat(registryB.get("socketio.connections").tag("namespace", "/").gauge().value()).isOne();
		assertThat(registryB.get("socketio.rooms").tag("namespace", "/").gauge().value()).isEqualTo(2); // r1 + own id
		assertThat(registryB.get("socketio.redis.subscriptions.active").gauge().value()).isOne();
		assertThat(registryA.find("socketio.redis.messages.published").tagKeys("room").meters()).isEmpty();
	}

	@Test
	void endpointDescribesThisNodesViewOfTheCluster() {
		SocketIoEndpoint endpoint = nodeB.context().getBean(SocketIoEndpoint.class);
		// Redis counts the nodes: after the health test restarted it, they subscribe again within moments
		await().untilAsserted(() -> assertThat(rootNamespace(endpoint.socketio()).nodes()).isEqualTo(2));
		SocketIoEndpoint.SocketIoDescriptor descriptor = endpoint.socketio();
		NamespaceDescriptor root = rootNamespace(descriptor);
		assertThat(root.uid()).hasSize(6);
		assertThat(root.localClients()).isOne();
		assertThat(root.rooms()).containsEntry("r1", 1).containsEntry(clientOnB.id(), 1);
		assertThat(descriptor.settings()).containsEntry("socketio.redis.key", "socket.io")
			.containsKey("socketio.redis.requests-timeout");
	}

	@Test
	void healthIsDownWhileRedisIsAwayAndUpWhenItIsBack() throws Exception {
		SocketIoHealthIndicator health = nodeA.context().getBean(SocketIoHealthIndicator.class);
		assertThat(health.health(true).getStatus()).isEqualTo(Status.UP);
		assertThat(health.health(true).getDetails()).containsKeys("port", "namespaces");

		redis.stop();
		await().untilAsserted(() -> assertThat(health.health(true).getStatus()).isEqualTo(Status.DOWN));

		redis.start();
		await().untilAsserted(() -> assertThat(List.of(nodeA, nodeB)).allSatisfy((node) -> assertThat(node.context()
			.getBean(SocketIoHealthIndicator.class)
			.health(true)
			.getStatus()).isEqualTo(Status.UP)));
	}

	private static NamespaceDescriptor rootNamespace(SocketIoEndpoint.SocketIoDescriptor descriptor) {
		return descriptor.namespaces()
			.stream()
			.filter((namespace) -> namespace.name().equals("/"))
			.findFirst()
			.orElseThrow();
	}

}
