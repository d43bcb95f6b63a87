package dev.socketioredis.test;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Redis Cluster fixture itself: three masters with a replica each, every slot served, and a killed master
 * replaced by its replica.
 */
class RedisClusterTestServerIntegrationTests {

	@RegisterExtension
	static RedisClusterTestServer cluster = new RedisClusterTestServer();

	@Test
	void threeMastersServeEverySlotAndAKilledOneIsReplacedByItsReplica() throws Exception {
		List<Integer> masters = cluster.masters();
		assertThat(masters).hasSize(3);
		assertThat(cluster.nodes()).hasSize(6);
		assertThat(cluster.command(masters.get(0), "CLUSTER INFO")).contains("cluster_slots_ok:16384");

		int killed = masters.get(0);
		long killedAt = System.nanoTime();
		cluster.kill(killed);

		await().atMost(Duration.ofSeconds(60)).until(() -> {
			List<Integer> now = cluster.masters();
			return now.size() == 3 && !now.contains(killed) && cluster.isOk();
		});
		System.out.printf("Redis Cluster: a killed master was replaced by its replica in %d ms%n",
				Duration.ofNanos(System.nanoTime() - killedAt).toMillis());
		assertThat(cluster.command(cluster.masters().get(0), "CLUSTER INFO")).contains("cluster_slots_ok:16384");
	}

}
