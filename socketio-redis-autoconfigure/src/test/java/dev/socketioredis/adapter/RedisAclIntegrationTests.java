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
 * The smallest Redis ACL that the classic transport works with, as the README gives it. Redis checks the patterns of
 * {@code PSUBSCRIBE} literally, so each namespace's pattern is listed; {@code +info} is for Spring Boot's Redis
 * health indicator.
 */
class RedisAclIntegrationTests {

	static final String ACL = "ACL SETUSER adapter on >s3cret resetchannels &socket.io* &socket.io#/#* "
			+ "&socket.io#/admin#* -@all +@pubsub +ping +hello +auth +client +info";

	@RegisterExtension
	static RedisTestServer redis = new RedisTestServer();

	@Test
	void nodesOfARestrictedUserBroadcastAndAnswerRequests() throws Exception {
		assertThat(redis.command(ACL)).startsWith("+OK");
		String[] user = { "spring.data.redis.username=adapter", "spring.data.redis.password=s3cret" };
		try (ClusterNode nodeA = ClusterNode.start(redis, user);
				ClusterNode nodeB = ClusterNode.start(redis, user);
				SocketIoTestClient onA = SocketIoTestClient.connect(nodeA.port(), "", "room=r1");
				SocketIoTestClient onB = SocketIoTestClient.connect(nodeB.port(), "", "room=r1", "news");
				SocketIoTestClient adminOnB = SocketIoTestClient.connect(nodeB.port(), "/admin", "room=r1",
						"news")) {
			nodeA.cluster().to("r1").emit("news", "to-r1").join();
			nodeA.cluster().of("/admin").to("r1").emit("news", "admin-r1").join();
			nodeA.emitter().to("r1").emit("news", "emitter").join();

			assertThat(onB.awaitEvents("news", 2)).containsExactly(List.of("to-r1"), List.of("emitter"));
			assertThat(adminOnB.awaitEvents("news", 1)).containsExactly(List.of("admin-r1"));
			assertThat(nodeA.cluster().in("r1").fetchSockets().join()).extracting(RemoteSocket::id)
				.containsExactlyInAnyOrder(onA.id(), onB.id());
			assertThat(nodeA.context().getBean(SocketIoHealthIndicator.class).health(true).getStatus())
				.isEqualTo(Status.UP);
		}
	}

}
