package dev.socketioredis.adapter;

import java.util.List;
import java.util.Map;

import dev.socketioredis.test.ClusterNode;
import dev.socketioredis.test.RedisTestServer;
import dev.socketioredis.test.SocketIoTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Socket.IO nodes (two application contexts) on one real Redis, with real Java clients: broadcasts made on node A
 * through netty-socketio's API or the Emitter reach exactly the right clients of node B, once.
 *
 * <p>
 * "Receives nothing" is checked without sleeping: after each broadcast a namespace-wide {@code barrier} is published by
 * the same publisher, and Redis keeps one publisher's messages in order, so once a client has the barrier, anything
 * sent before it has arrived too.
 */
class TwoNodeBroadcastIntegrationTests {

	@RegisterExtension
	static RedisTestServer redis = new RedisTestServer();

	static ClusterNode nodeA;

	static ClusterNode nodeB;

	static SocketIoTestClient memberOnA;

	static SocketIoTestClient memberOnB;

	static SocketIoTestClient outsiderOnB;

	@BeforeAll
	static void startCluster() {
		nodeA = ClusterNode.start(redis);
		nodeB = ClusterNode.start(redis);
		String[] events = { "news", "barrier" };
		memberOnA = SocketIoTestClient.connect(nodeA.port(), "", "room=r1", events);
		memberOnB = SocketIoTestClient.connect(nodeB.port(), "", "room=r1,r2", events);
		outsiderOnB = SocketIoTestClient.connect(nodeB.port(), "", "room=other", events);
	}

	@AfterAll
	static void stopCluster() {
		List.of(memberOnA, memberOnB, outsiderOnB).forEach(SocketIoTestClient::close);
		nodeA.close();
		nodeB.close();
	}

	@Test
	void roomBroadcastWithNettySocketIoApiReachesRemoteMembersOnce() {
		int barrier = barriersSoFar() + 1;
		nodeA.server().getRoomOperations("r1").sendEvent("news", "from-A");
		nodeA.server().getBroadcastOperations().sendEvent("barrier", barrier);

		awaitBarrier(barrier);
		assertThat(memberOnB.events("news")).containsOnlyOnce(List.of("from-A"));
		assertThat(memberOnA.events("news")).containsOnlyOnce(List.of("from-A"));
		assertThat(outsiderOnB.events("news")).doesNotContain(List.of("from-A"));
	}

	@Test
	void emitterBroadcastReachesRoomMembersOnEveryNodeOnce() {
		int barrier = barriersSoFar() + 1;
		nodeA.emitter().to("r1").emit("news", Map.of("via", "emitter")).join();
		nodeA.emitter().emit("barrier", barrier).join();

		awaitBarrier(barrier);
		assertThat(memberOnB.events("news")).filteredOn((args) -> args.get(0).toString().contains("emitter"))
			.hasSize(1);
		assertThat(memberOnA.events("news")).filteredOn((args) -> args.get(0).toString().contains("emitter"))
			.hasSize(1);
		assertThat(outsiderOnB.events("news")).noneMatch((args) -> args.get(0).toString().contains("emitter"));
	}

	@Test
	void clientInTwoTargetRoomsOfAnEmitterGetsOneCopy() {
		int barrier = barriersSoFar() + 1;
		nodeB.emitter().to("r1", "r2").emit("news", "both-rooms").join();
		nodeB.emitter().emit("barrier", barrier).join();

		awaitBarrier(barrier);
		assertThat(memberOnB.events("news")).containsOnlyOnce(List.of("both-rooms"));
		assertThat(memberOnA.events("news")).containsOnlyOnce(List.of("both-rooms"));
	}

	@Test
	void exceptRoomsAreLeftOut() {
		int barrier = barriersSoFar() + 1;
		nodeA.emitter().except("r2").emit("news", "not-r2").join();
		nodeA.emitter().emit("barrier", barrier).join();

		awaitBarrier(barrier);
		assertThat(memberOnA.events("news")).containsOnlyOnce(List.of("not-r2"));
		assertThat(outsiderOnB.events("news")).containsOnlyOnce(List.of("not-r2"));
		assertThat(memberOnB.events("news")).doesNotContain(List.of("not-r2"));
	}

	@Test
	void socketIdIsARoomAcrossNodes() {
		int barrier = barriersSoFar() + 1;
		nodeA.emitter().to(outsiderOnB.id()).emit("news", "direct").join();
		nodeA.emitter().emit("barrier", barrier).join();

		awaitBarrier(barrier);
		assertThat(outsiderOnB.events("news")).containsOnlyOnce(List.of("direct"));
		assertThat(memberOnB.events("news")).doesNotContain(List.of("direct"));
		assertThat(memberOnA.events("news")).doesNotContain(List.of("direct"));
	}

	private static int barriersSoFar() {
		return memberOnA.events("barrier").size();
	}

	private static void awaitBarrier(int barrier) {
		for (SocketIoTestClient client : List.of(memberOnA, memberOnB, outsiderOnB)) {
			assertThat(client.awaitEvents("barrier", barrier)).last().isEqualTo(List.of(barrier));
		}
	}

}
