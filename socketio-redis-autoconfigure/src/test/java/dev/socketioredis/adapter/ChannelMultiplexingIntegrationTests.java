package dev.socketioredis.adapter;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.socketioredis.test.ClusterNode;
import dev.socketioredis.test.RedisTestServer;
import dev.socketioredis.test.SocketIoTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code socketio.redis.channel-multiplexing}: two clusters of two Java nodes on one Redis (different key prefixes),
 * one with multiplexing and one without, 200 rooms split between the nodes. Both deliver every message; with
 * multiplexing a node receives from Redis only the messages of the rooms it hosts.
 */
class ChannelMultiplexingIntegrationTests {

	private static final int ROOMS = 200;

	@RegisterExtension
	static RedisTestServer redis = new RedisTestServer();

	static Cluster multiplexed;

	static Cluster patterned;

	@BeforeAll
	static void startClusters() {
		multiplexed = new Cluster("mux", true);
		patterned = new Cluster("plain", false);
	}

	@AfterAll
	static void stopClusters() {
		multiplexed.close();
		patterned.close();
	}

	@Test
	void withMultiplexingANodeReceivesOnlyTheTrafficOfItsRooms() {
		long[] multiplexedReceived = multiplexed.publishToEveryRoom();
		long[] patternedReceived = patterned.publishToEveryRoom();

		System.out.printf("channel multiplexing, %d rooms split between 2 nodes, one message per room:%n", ROOMS);
		System.out.printf("  multiplexing off: node A received %d, node B received %d messages from Redis%n",
				patternedReceived[0], patternedReceived[1]);
		System.out.printf("  multiplexing on:  node A received %d, node B received %d messages from Redis%n",
				multiplexedReceived[0], multiplexedReceived[1]);
		assertThat(patternedReceived).containsExactly(ROOMS, ROOMS);
		assertThat(multiplexedReceived).containsExactly(ROOMS / 2, ROOMS / 2);
	}

	@Test
	void namespaceWideBroadcastsAndSocketIdRoomsStillReachEveryone() {
		multiplexed.nodeA.emitter().emit("news", "all").join();
		multiplexed.nodeA.emitter().to(multiplexed.clientOnB.id()).emit("news", "direct").join();

		assertThat(multiplexed.clientOnB.awaitEvents("news", 2)).containsExactly(List.of("all"), List.of("direct"));
		assertThat(multiplexed.clientOnA.awaitEvents("news", 1)).containsExactly(List.of("all"));
	}

	@Test
	void eachNodeSubscribesOnceToTheRoomChannelsItHosts() throws Exception {
		String channels = redis.command("PUBSUB CHANNELS mux#/#*");
		assertThat(channels).contains("mux#/#r0#", "mux#/#r199#", "mux#/#" + multiplexed.clientOnB.id() + "#");
		assertThat(redis.command("PUBSUB NUMSUB mux#/#r0# mux#/#")).contains("mux#/#r0#\r\n:1", "mux#/#\r\n:2");
		assertThat(redis.command("PUBSUB NUMPAT")).contains(":2"); // the two nodes of the other cluster
	}

	@Test
	void eitherWayEachNodeSubscribesOnceToTheRequestChannel() throws Exception {
		assertThat(redis.command("PUBSUB NUMSUB mux-request#/# plain-request#/#"))
			.contains("mux-request#/#\r\n:2", "plain-request#/#\r\n:2");
	}

	static final class Cluster implements AutoCloseable {

		final String key;

		final ClusterNode nodeA;

		final ClusterNode nodeB;

		final SocketIoTestClient clientOnA;

		final SocketIoTestClient clientOnB;

		Cluster(String key, boolean multiplexing) {
			this.key = key;
			String[] properties = { "socketio.redis.key=" + key, "socketio.redis.channel-multiplexing=" + multiplexing };
			this.nodeA = ClusterNode.start(redis, properties);
			this.nodeB = ClusterNode.start(redis, properties);
			this.clientOnA = SocketIoTestClient.connect(this.nodeA.port(), "", "room=" + rooms(0, ROOMS / 2), "msg",
					"news");
			this.clientOnB = SocketIoTestClient.connect(this.nodeB.port(), "", "room=" + rooms(ROOMS / 2, ROOMS),
					"msg", "news");
			// room subscriptions are made in the background: wait for the last one
			await().untilAsserted(() -> assertThat(redis.command("PUBSUB NUMSUB " + key + "#/#r199#"))
				.contains(multiplexing ? ":1" : ":0"));
		}

		/** One message to each room from the emitter; returns what each node received from Redis meanwhile. */
		long[] publishToEveryRoom() {
			long beforeA = received(this.nodeA);
			long beforeB = received(this.nodeB);
			for (int room = 0; room < ROOMS; room++) {
				this.nodeA.emitter().to("r" + room).emit("msg", room);
			}
			this.clientOnA.awaitEvents("msg", ROOMS / 2);
			this.clientOnB.awaitEvents("msg", ROOMS / 2);
			return new long[] { received(this.nodeA) - beforeA, received(this.nodeB) - beforeB };
		}

		private static long received(ClusterNode node) {
			return node.cluster().of("/").monitor().receivedMessages();
		}

		private static String rooms(int from, int to) {
			return IntStream.range(from, to).mapToObj((room) -> "r" + room).collect(Collectors.joining(","));
		}

		@Override
		public void close() {
			this.clientOnA.close();
			this.clientOnB.close();
			this.nodeA.close();
			this.nodeB.close();
		}

	}

}
