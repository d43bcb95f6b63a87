package dev.socketioredis.adapter;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import dev.socketioredis.test.ClusterNode;
import dev.socketioredis.test.NodePeer;
import dev.socketioredis.test.RedisTestServer;
import dev.socketioredis.test.SocketIoTestClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Channel multiplexing under connection churn: while Node clients connect to node B, join a room of their own and
 * disconnect, {@value #CONCURRENCY} at a time ({@code churn.cycles} in all, 5 000 unless set), a client of node B
 * joins fresh rooms one after the other with {@link NamespaceAdapter#join}, and node A broadcasts to each as soon as
 * the join completed: every one of those broadcasts must reach it. The subscription lag is printed.
 */
class ChannelMultiplexingChurnIntegrationTests {

	private static final int CONCURRENCY = 200;

	private static final int CYCLES = Integer.getInteger("churn.cycles", 5_000);

	@RegisterExtension
	static RedisTestServer redis = new RedisTestServer();

	static ClusterNode nodeA;

	static ClusterNode nodeB;

	static SocketIoTestClient joiner;

	@BeforeAll
	static void startCluster() {
		nodeA = ClusterNode.start(redis, "socketio.redis.channel-multiplexing=true");
		nodeB = ClusterNode.start(redis, "socketio.redis.channel-multiplexing=true");
		// the join of the chat sample: answered once the join completed
		nodeB.server().addEventListener("join", String.class, (client, room, ack) -> nodeB.cluster()
			.of("/")
			.join(client, room)
			.thenRun(() -> ack.sendAckData("joined")));
		joiner = SocketIoTestClient.connect(nodeB.port(), "", "", "probe");
	}

	@AfterAll
	static void stopCluster() {
		joiner.close();
		nodeA.close();
		nodeB.close();
	}

	@Test
	void everyBroadcastPublishedAfterAJoinCompletedReachesTheJoiner() throws Exception {
		Process churn = NodePeer.startScript("churn.js", Integer.toString(nodeB.port()), Integer.toString(CYCLES),
				Integer.toString(CONCURRENCY));
		int probes = 0;
		int maxPending = 0;
		do {
			String room = "probe-" + probes;
			join(room);
			nodeA.cluster().to(room).emit("probe", probes).join();
			probes++;
			maxPending = Math.max(maxPending, nodeB.cluster().of("/").monitor().pendingRoomSubscriptions());
		}
		while (churn.isAlive() || probes < 20);
		String summary = new BufferedReader(new InputStreamReader(churn.getInputStream(), StandardCharsets.UTF_8))
			.readLine();
		assertThat(churn.waitFor(1, TimeUnit.MINUTES)).isTrue();
		long churnEnded = System.nanoTime();
		await().until(() -> nodeB.cluster().of("/").monitor().pendingRoomSubscriptions() == 0);
		Duration settled = Duration.ofNanos(System.nanoTime() - churnEnded);

		List<Integer> expected = IntStream.range(0, probes).boxed().toList();
		await().untilAsserted(() -> assertThat(joiner.events("probe")).hasSameSizeAs(expected));
		assertThat(joiner.events("probe").stream().map((args) -> ((Number) args.get(0)).intValue()))
			.containsExactlyElementsOf(expected);

		Timer lag = nodeB.context()
			.getBean(MeterRegistry.class)
			.get("socketio.redis.room.subscriptions.lag")
			.tag("namespace", "/")
			.timer();
		System.out.printf("channel multiplexing churn: %s, %d joins then broadcasts from the other node, all received%n",
				summary, probes);
		System.out.printf("  room subscription lag over %d rooms: mean %.1f ms, max %.1f ms; at most %d rooms pending "
				+ "when sampled; all subscribed %d ms after the churn ended%n", lag.count(),
				lag.mean(TimeUnit.MILLISECONDS), lag.max(TimeUnit.MILLISECONDS), maxPending, settled.toMillis());
		// the rooms of the churn are gone, so are their subscriptions; the joiner's stay
		assertThat(redis.command("PUBSUB NUMSUB socket.io#/#churn-0# socket.io#/#probe-0#"))
			.contains("churn-0#\r\n:0", "probe-0#\r\n:1");
	}

	private static void join(String room) throws Exception {
		CompletableFuture<Object> joined = new CompletableFuture<>();
		joiner.socket().emit("join", new Object[] { room }, (args) -> joined.complete(args[0]));
		assertThat(joined.get(15, TimeUnit.SECONDS)).isEqualTo("joined");
	}

}
