package dev.socketioredis.pubsub;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import dev.socketioredis.test.ClusterNode;
import dev.socketioredis.test.NodePeer;
import dev.socketioredis.test.NodePeer.Client;
import dev.socketioredis.test.RedisClusterTestServer;
import dev.socketioredis.test.SocketIoTestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The shard of a room's channel changes while a mixed cluster on the sharded transport broadcasts to the room — its
 * master dies and a replica takes over, or its slot moves to another master — and the Java nodes deliver again
 * without restarting. Node's sharded adapter (node-redis 4.7) is measured in the same setup, beside them, and reported
 * rather than asserted.
 *
 * <p>
 * Java node B broadcasts {@code java-<n>} to room {@code r} every 100 ms, the second Node server {@code node-<n>};
 * the room's members are {@code a1} on Java node A and {@code n1} on the first Node server.
 */
class ShardedFailoverIntegrationTests {

	private static final String KEY = "failover";

	private static final String ROOM_CHANNEL = KEY + "#/#r#";

	private static final Duration RECOVERY_BOUND = Duration.ofSeconds(20);

	@RegisterExtension
	static RedisClusterTestServer redis = new RedisClusterTestServer();

	private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();

	private ClusterNode javaA;

	private ClusterNode javaB;

	private NodePeer nodeReceiver;

	private NodePeer nodeSender;

	private SocketIoTestClient a1;

	@AfterEach
	void stop() {
		this.ticker.shutdownNow();
		if (this.a1 != null) {
			this.a1.close();
		}
		Stream.of(this.nodeReceiver, this.nodeSender).filter(Objects::nonNull).forEach(NodePeer::close);
		Stream.of(this.javaA, this.javaB).filter(Objects::nonNull).parallel().forEach(ClusterNode::close);
	}

	@Test
	void deliveryResumesOnceTheReplicaOfADeadMasterTookOver() throws Exception {
		AtomicInteger sent = startTicking();
		int master = redis.ownerOf(ROOM_CHANNEL);
		int sentBeforeKill = sent.get();
		long killedAt = System.nanoTime();
		redis.kill(master);

		await().atMost(RECOVERY_BOUND).until(() -> !redis.masters().contains(master) && redis.isOk());
		Duration promoted = Duration.ofNanos(System.nanoTime() - killedAt);
		Duration java = awaitJavaRecovery(sentBeforeKill, killedAt);
		Optional<Duration> node = awaitNodeRecovery(sentBeforeKill, killedAt);
		System.out.printf("Sharded failover (master of the room channel killed): the replica took over after %d ms; "
				+ "Java nodes delivered again after %d ms; Node's sharded adapter %s%n", promoted.toMillis(),
				java.toMillis(), describe(node));
		assertStillDelivering(sent);
	}

	@Test
	void deliveryFollowsARoomChannelWhoseSlotMovedToAnotherMaster() throws Exception {
		AtomicInteger sent = startTicking();
		int source = redis.ownerOf(ROOM_CHANNEL);
		int target = redis.masters().stream().filter((port) -> port != source).findFirst().orElseThrow();
		int sentBeforeMove = sent.get();
		long movedAt = System.nanoTime();
		redis.moveSlot(ROOM_CHANNEL, target);

		assertThat(redis.ownerOf(ROOM_CHANNEL)).isEqualTo(target);
		Duration java = awaitJavaRecovery(sentBeforeMove, movedAt);
		Optional<Duration> node = awaitNodeRecovery(sentBeforeMove, movedAt);
		System.out.printf("Sharded slot migration (the room channel's slot moved to another master): Java nodes "
				+ "delivered again after %d ms; Node's sharded adapter %s%n", java.toMillis(), describe(node));
		assertStillDelivering(sent);
	}

	/**
	 * Starts the nodes and the ticks, and waits until both kinds of node deliver them.
	 * @return how many ticks each sender sent so far
	 */
	private AtomicInteger startTicking() {
		String[] properties = { "socketio.redis.transport=sharded", "socketio.redis.key=" + KEY };
		this.javaA = ClusterNode.start(redis, properties);
		this.javaB = ClusterNode.start(redis, properties);
		this.nodeReceiver = NodePeer.start(redis, "--adapter", "sharded", "--key", KEY);
		this.nodeSender = NodePeer.start(redis, "--adapter", "sharded", "--key", KEY);
		this.a1 = SocketIoTestClient.connect(this.javaA.port(), "", "room=r", "tick");
		this.nodeReceiver.connectClient("n1", Client.v4().rooms("r"));
		AtomicInteger sent = new AtomicInteger();
		this.ticker.scheduleAtFixedRate(() -> {
			int n = sent.incrementAndGet();
			this.javaB.cluster().to("r").emit("tick", "java-" + n);
			try {
				this.nodeSender.emit(List.of("r"), List.of(), "tick", "node-" + n);
			}
			catch (RuntimeException | AssertionError ex) {
				// the Node server may fail to publish while the shard is away
			}
		}, 0, 100, TimeUnit.MILLISECONDS);
		await().until(() -> received(this.a1.events("tick"), "java-").size() > 5
				&& received(this.nodeReceiver.events("n1", "tick"), "node-").size() > 5);
		return sent;
	}

	/** How long until a Java node's broadcast sent after the change reached the Java client. */
	private Duration awaitJavaRecovery(int sentBefore, long changedAt) {
		await().atMost(RECOVERY_BOUND)
			.until(() -> received(this.a1.events("tick"), "java-").stream().anyMatch((n) -> n > sentBefore + 1));
		return Duration.ofNanos(System.nanoTime() - changedAt);
	}

	/** No node was restarted: a later broadcast reaches a1, once. */
	private void assertStillDelivering(AtomicInteger sent) {
		int later = sent.get();
		await().until(() -> received(this.a1.events("tick"), "java-").stream().anyMatch((n) -> n > later));
		assertThat(received(this.a1.events("tick"), "java-")).doesNotHaveDuplicates();
	}

	private static String describe(Optional<Duration> recovery) {
		return recovery.map((time) -> "after " + time.toMillis() + " ms")
			.orElse("not within " + RECOVERY_BOUND.toSeconds() + " s");
	}

	/** How long until the Node server's broadcasts reached its client again, if within the bound. */
	private Optional<Duration> awaitNodeRecovery(int sentBefore, long changedAt) {
		try {
			await().atMost(RECOVERY_BOUND.minus(Duration.ofNanos(System.nanoTime() - changedAt)))
				.until(() -> received(this.nodeReceiver.events("n1", "tick"), "node-").stream()
					.anyMatch((n) -> n > sentBefore + 1));
			return Optional.of(Duration.ofNanos(System.nanoTime() - changedAt));
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			return Optional.empty();
		}
	}

	/** The sequence numbers of the ticks of one sender. */
	private static List<Integer> received(List<List<Object>> events, String prefix) {
		return events.stream()
			.map((args) -> String.valueOf(args.get(0)))
			.filter((tick) -> tick.startsWith(prefix))
			.map((tick) -> Integer.parseInt(tick.substring(prefix.length())))
			.toList();
	}

}
