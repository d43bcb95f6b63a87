package dev.socketioredis.adapter;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import dev.socketioredis.test.ClusterNode;
import dev.socketioredis.test.LogLines;
import dev.socketioredis.test.RedisTestServer;
import dev.socketioredis.test.SocketIoTestClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Anyone who can publish on the adapter's channels can send a message nested deeper than a client can be written:
 * it is refused when it is read, counted as dropped, logged once, and the node goes on delivering what follows.
 */
class HostileChannelMessagesIntegrationTests {

	private static final int MESSAGES = 200;

	@RegisterExtension
	static RedisTestServer redis = new RedisTestServer();

	@RegisterExtension
	final LogLines logs = new LogLines();

	static ClusterNode node;

	static SocketIoTestClient client;

	/** Started before each test's log lines are recorded: Spring Boot sets logging up anew when it starts. */
	@BeforeAll
	static void startNode() {
		node = ClusterNode.start(redis);
		client = SocketIoTestClient.connect(node.port(), "", "room=r1", "news");
	}

	@AfterAll
	static void stopNode() {
		client.close();
		node.close();
	}

	@Test
	void deeplyNestedBroadcastsAreDroppedAtDecodeAndLoggedOnce() {
		RedisClient redisClient = RedisClient.create(RedisURI.create(redis.host(), redis.port()));
		try (StatefulRedisConnection<byte[], byte[]> publisher = redisClient.connect(ByteArrayCodec.INSTANCE)) {
			byte[] channel = "socket.io#/#".getBytes(StandardCharsets.UTF_8);
			for (int i = 0; i < MESSAGES; i++) {
				publisher.sync().publish(channel, broadcastNested((i % 2 == 0) ? 1_000 : 100_000));
			}
			node.emitter().to("r1").emit("news", "after").join();

			assertThat(client.awaitEvents("news", 1)).containsExactly(List.of("after"));
			MeterRegistry meters = node.context().getBean(MeterRegistry.class);
			await().untilAsserted(() -> assertThat(meters.get("socketio.redis.messages.dropped")
				.tag("namespace", "/")
				.tag("reason", "undecodable")
				.counter()
				.count()).isEqualTo(MESSAGES));
			assertThat(this.logs.warningsAndErrors()).singleElement()
				.satisfies((event) -> assertThat(event.getFormattedMessage()).contains("nesting depth"));
		}
		finally {
			redisClient.shutdown();
		}
	}

	/** {@code ["emitter", {type: 2, data: ["news", [[[...1]]]], nsp: "/"}, {}]}, {@code depth} arrays deep. */
	private static byte[] broadcastNested(int depth) {
		byte[] head = { (byte) 0x93, (byte) 0xa7, 'e', 'm', 'i', 't', 't', 'e', 'r', (byte) 0x83, (byte) 0xa4, 't', 'y',
				'p', 'e', 2, (byte) 0xa4, 'd', 'a', 't', 'a', (byte) 0x92, (byte) 0xa4, 'n', 'e', 'w', 's' };
		byte[] tail = { 1, (byte) 0xa3, 'n', 's', 'p', (byte) 0xa1, '/', (byte) 0x80 };
		byte[] message = Arrays.copyOf(head, head.length + depth + tail.length);
		Arrays.fill(message, head.length, head.length + depth, (byte) 0x91);
		System.arraycopy(tail, 0, message, head.length + depth, tail.length);
		return message;
	}

}
