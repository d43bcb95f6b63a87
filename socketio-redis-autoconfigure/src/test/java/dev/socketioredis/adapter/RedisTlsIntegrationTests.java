package dev.socketioredis.adapter;

import java.util.List;

import dev.socketioredis.health.SocketIoHealthIndicator;
import dev.socketioredis.test.ClusterNode;
import dev.socketioredis.test.RedisTestServer;
import dev.socketioredis.test.SocketIoTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis over TLS through Spring Boot's own settings, as the README shows them: {@code spring.data.redis.ssl.bundle}
 * naming a PEM SSL bundle that trusts the server's certificate.
 */
class RedisTlsIntegrationTests {

	@RegisterExtension
	static RedisTestServer redis = RedisTestServer.withTls();

	@Test
	void nodesBroadcastAndAnswerRequestsOverTls() {
		String[] tls = redis.tlsSpringProperties().toArray(String[]::new);
		try (ClusterNode nodeA = ClusterNode.start(redis, tls);
				ClusterNode nodeB = ClusterNode.start(redis, tls);
				SocketIoTestClient onA = SocketIoTestClient.connect(nodeA.port(), "", "room=r1");
				SocketIoTestClient onB = SocketIoTestClient.connect(nodeB.port(), "", "room=r1", "news")) {
			nodeA.cluster().to("r1").emit("news", "over-tls").join();

			assertThat(onB.awaitEvents("news", 1)).containsExactly(List.of("over-tls"));
			assertThat(nodeB.cluster().in("r1").fetchSockets().join()).extracting(RemoteSocket::id)
				.containsExactlyInAnyOrder(onA.id(), onB.id());
			assertThat(nodeA.context().getBean(SocketIoHealthIndicator.class).health(true).getStatus())
				.isEqualTo(Status.UP);
		}
	}

}
