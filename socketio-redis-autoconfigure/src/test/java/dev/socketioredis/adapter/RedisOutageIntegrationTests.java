package dev.socketioredis.adapter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.socketioredis.health.SocketIoHealthIndicator;
import dev.socketioredis.test.ClusterNode;
import dev.socketioredis.test.LogLines;
import dev.socketioredis.test.RedisTestServer;
import dev.socketioredis.test.SocketIoTestClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redis outages of any length, with the starter's settings of Spring Boot's Lettuce client and none of the
 * application's ({@code spring.data.redis.timeout} unset, as in the sample): while Redis is down, broadcasts reach
 * local clients only and their publishes fail at once, counted, holding no memory; both health indicators say DOWN;
 * a node shuts down without waiting for Redis. Once Redis accepts connections again, cross-node delivery resumes
 * within about the reconnect delay (500 ms), however long the outage was. The figures are printed, and asserted only
 * against bounds a slow machine keeps (Lettuce's own backoff would take up to 30 s).
 */
class RedisOutageIntegrationTests {

	private static final int PUBLISHES_DURING_OUTAGE = 2_000;

	@RegisterExtension
	static RedisTestServer redis = new RedisTestServer();

	@RegisterExtension
	final LogLines logs = new LogLines();

	static ClusterNode nodeA;

	static ClusterNode nodeB;

	static SocketIoTestClient clientOnB;

	@BeforeAll
	static void startCluster() {
		nodeA = ClusterNode.start(redis);
		nodeB = ClusterNode.start(redis);
		clientOnB = SocketIoTestClient.connect(nodeB.port(), "", "room=r1", "probe-3", "probe-10", "probe-60");
	}

	@AfterAll
	static void stopCluster() {
		clientOnB.close();
		nodeA.close();
		nodeB.close();
	}

	@ParameterizedTest(name = "{0} s outage")
	@ValueSource(ints = { 3, 10, 60 })
	void deliveryResumesSoonAfterRedisWhateverTheOutage(int seconds) throws Exception {
		redis.stop();
		try {
			assertPublishesFailAtOnceAndAreCounted();
			assertHealthIsDownWithin(Duration.ofSeconds(seconds));
		}
		finally {
			redis.start();
		}
		long restarted = System.nanoTime();
		List<CompletableFuture<Void>> probes = new CopyOnWriteArrayList<>();
		String probe = "probe-" + seconds;
		await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
			probes.add(nodeA.cluster().to("r1").emit(probe, probes.size()));
			assertThat(clientOnB.events(probe)).isNotEmpty();
		});
		System.out.printf("Redis outage of %d s: cross-node delivery back %d ms after Redis accepted connections%n",
				seconds, Duration.ofNanos(System.nanoTime() - restarted).toMillis());
		// the last probes may still wait for Redis's answer: the next outage must not fail them
		CompletableFuture.allOf(probes.toArray(CompletableFuture[]::new)).handle((done, failure) -> null).join();
	}

	@Test
	void aNodeShutsDownWhileRedisIsDown() throws Exception {
		ClusterNode node = ClusterNode.start(redis);
		node.cluster().of("/admin"); // a second namespace, so a second adapter to close
		redis.stop();
		try {
			long stopping = System.nanoTime();
			node.close();
			Duration shutdown = Duration.ofNanos(System.nanoTime() - stopping);
			System.out.printf("Node shut down in %d ms while Redis was down%n", shutdown.toMillis());
			assertThat(shutdown).isLessThan(Duration.ofSeconds(15));
		}
		finally {
			redis.start();
		}
	}

	private static void assertPublishesFailAtOnceAndAreCounted() {
		double failuresBefore = publishFailures();
		List<CompletableFuture<Void>> publishes = new ArrayList<>();
		for (int i = 0; i < PUBLISHES_DURING_OUTAGE; i++) {
			publishes.add(nodeA.cluster().to("r1").emit("lost", i));
		}
		// nothing is held for later: every publish has failed, not waited in a queue
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(publishes).allMatch(CompletableFuture::isCompletedExceptionally));
		assertThat(publishFailures() - failuresBefore).isEqualTo(PUBLISHES_DURING_OUTAGE);
	}

	/** DOWN at once, and for as long as Redis is down. */
	private void assertHealthIsDownWithin(Duration outage) {
		SocketIoHealthIndicator socketIo = nodeA.context().getBean(SocketIoHealthIndicator.class);
		// Spring Boot's indicator of the Redis connection factory (reactive: Lettuce brings Reactor)
		ReactiveHealthIndicator redisHealth = nodeA.context()
			.getBean("redisHealthContributor", ReactiveHealthIndicator.class);
		long asked = System.nanoTime();
		assertThat(socketIo.health(true).getStatus()).isEqualTo(Status.DOWN);
		assertThat(redisHealth.health(true).block(Duration.ofSeconds(30)).getStatus()).isEqualTo(Status.DOWN);
		System.out.printf("Both health indicators answered DOWN in %d ms while Redis was down%n",
				Duration.ofNanos(System.nanoTime() - asked).toMillis());
		await().during(outage).atMost(outage.plusSeconds(5))
			.until(() -> socketIo.health(true).getStatus().equals(Status.DOWN));
		// a probe of the socketio indicator is no event for the logs (Spring Boot's own logs each failed probe)
		assertThat(this.logs.warningsAndErrors())
			.noneMatch((event) -> event.getLoggerName().equals(SocketIoHealthIndicator.class.getName()));
	}

	private static double publishFailures() {
		MeterRegistry meters = nodeA.context().getBean(MeterRegistry.class);
		return meters.find("socketio.redis.publish.failures").tag("namespace", "/").counters().stream()
			.mapToDouble((counter) -> counter.count())
			.sum();
	}

}
