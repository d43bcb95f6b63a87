package dev.socketioredis.adapter;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.corundumstudio.socketio.SocketIOClient;
import dev.socketioredis.test.ClusterNode;
import dev.socketioredis.test.RedisTestServer;
import dev.socketioredis.test.SocketIoTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real {@code redis-server} is killed and started again: meanwhile broadcasts still reach local clients and
 * nothing is thrown at callers; afterwards subscriptions are back and cross-node delivery resumes, with no restart
 * of the nodes. With channel multiplexing too, whose room subscriptions must come back as well.
 */
@ParameterizedClass(name = "channel multiplexing {0}")
@ValueSource(booleans = { false, true })
@ExtendWith(OutputCaptureExtension.class)
class RedisRestartIntegrationTests {

	@RegisterExtension
	static RedisTestServer redis = new RedisTestServer();

	@Parameter
	boolean channelMultiplexing;

	static ClusterNode nodeA;

	static ClusterNode nodeB;

	static SocketIoTestClient clientOnA;

	static SocketIoTestClient clientOnB;

	@BeforeParameterizedClassInvocation
	static void startCluster(boolean channelMultiplexing) {
		// a short command timeout, so that publishes made while Redis is away fail within the test
		String[] properties = { "spring.data.redis.timeout=500ms",
				"socketio.redis.channel-multiplexing=" + channelMultiplexing };
		nodeA = ClusterNode.start(redis, properties);
		nodeB = ClusterNode.start(redis, properties);
		clientOnA = SocketIoTestClient.connect(nodeA.port(), "", "room=r1", "news", "probe");
		clientOnB = SocketIoTestClient.connect(nodeB.port(), "", "room=r1", "news", "probe", "late");
	}

	@AfterParameterizedClassInvocation
	static void stopCluster() {
		clientOnA.close();
		clientOnB.close();
		nodeA.close();
		nodeB.close();
	}

	@Test
	void survivesARedisRestart(CapturedOutput output) throws Exception {
		SocketIOClient serverSideOfClientOnB = nodeB.server().getClient(UUID.fromString(clientOnB.id()));
		nodeB.cluster().of("/").join(serverSideOfClientOnB, "left-while-down").get(10, TimeUnit.SECONDS);
		redis.stop();

		for (int i = 0; i < 20; i++) {
			nodeA.cluster().to("r1").emit("news", "while-down-" + i); // no exception, whatever Redis does
		}
		nodeA.server().getRoomOperations("r1").sendEvent("news", "netty-while-down");
		assertThat(clientOnA.awaitEvents("news", 21)).contains(List.of("while-down-19"), List.of("netty-while-down"));
		await().untilAsserted(() -> assertThat(output).contains("Cannot publish to Redis for namespace /"));
		assertThat(occurrences(output.toString(), "Cannot publish to Redis for namespace /:")).isOne();
		// the broadcasts made while Redis was away may still be published, late, once it is back: count from here
		int newsBefore = clientOnA.events("news").size();
		// a room first joined while Redis is away: with multiplexing, its subscription is made once Redis is back
		CompletableFuture<Void> joinedWhileDown = nodeB.cluster().of("/").join(serverSideOfClientOnB, "joined-while-down");
		serverSideOfClientOnB.leaveRoom("left-while-down");
		if (this.channelMultiplexing) {
			await().untilAsserted(
					() -> assertThat(output).contains("Cannot change the room channel subscriptions in Redis"));
		}

		redis.start();

		AtomicInteger probe = new AtomicInteger();
		await().untilAsserted(() -> {
			nodeA.cluster().to("r1").emit("probe", probe.incrementAndGet());
			assertThat(clientOnB.events("probe")).isNotEmpty();
		});
		await().untilAsserted(() -> assertThat(output).contains("Publishing to Redis works again for namespace /"));
		nodeB.emitter().to("r1").emit("news", "after-restart").join();
		assertThat(clientOnA.awaitEvents("news", newsBefore + 1)).contains(List.of("after-restart"));

		joinedWhileDown.get(30, TimeUnit.SECONDS);
		nodeA.cluster().to("joined-while-down").emit("late", "after-restart").join();
		assertThat(clientOnB.awaitEvents("late", 1)).containsExactly(List.of("after-restart"));
		assertThat(nodeB.cluster().of("/").monitor().pendingRoomSubscriptions()).isZero();
		// nor is the subscription of a room left while Redis was away still there (Lettuce made it again)
		await().untilAsserted(() -> assertThat(redis.command("PUBSUB NUMSUB socket.io#/#left-while-down#"))
			.contains("left-while-down#\r\n:0"));
	}

	private static int occurrences(String text, String part) {
		return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
	}

}
