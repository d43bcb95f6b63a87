package dev.socketioredis.adapter;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import com.corundumstudio.socketio.SocketIOClient;
import dev.socketioredis.events.SocketIoRoomEvent;
import dev.socketioredis.test.ClusterNode;
import dev.socketioredis.test.RedisTestServer;
import dev.socketioredis.test.SocketIoTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * The starter's own broadcast API ({@link SocketIoCluster}, {@link BroadcastOperator}) across two Java nodes:
 * rooms, except rooms, local broadcasts, sender exclusion, namespaces, order and room events.
 *
 * <p>
 * After each broadcast, the same publisher sends a {@code barrier} to everyone: once every client has it, anything
 * published before it has arrived too.
 */
class ClusterBroadcastIntegrationTests {

	@RegisterExtension
	static RedisTestServer redis = new RedisTestServer();

	static ClusterNode nodeA;

	static ClusterNode nodeB;

	static SocketIoTestClient r1OnA;

	static SocketIoTestClient r1r2OnB;

	static SocketIoTestClient r2OnB;

	static SocketIoTestClient adminOnB;

	static List<SocketIoTestClient> defaultNamespaceClients;

	@BeforeAll
	static void startCluster() {
		nodeA = ClusterNode.start(redis);
		nodeB = ClusterNode.start(redis);
		String[] events = { "news", "barrier", "seq" };
		r1OnA = SocketIoTestClient.connect(nodeA.port(), "", "room=r1", events);
		r1r2OnB = SocketIoTestClient.connect(nodeB.port(), "", "room=r1,r2", events);
		r2OnB = SocketIoTestClient.connect(nodeB.port(), "", "room=r2", events);
		adminOnB = SocketIoTestClient.connect(nodeB.port(), "/admin", "room=r1", events);
		defaultNamespaceClients = List.of(r1OnA, r1r2OnB, r2OnB);
	}

	@AfterAll
	static void stopCluster() {
		List.of(r1OnA, r1r2OnB, r2OnB, adminOnB).forEach(SocketIoTestClient::close);
		nodeA.close();
		nodeB.close();
	}

	@Test
	void roomsUnionMinusExceptRoomsEachClientOnce() {
		nodeA.cluster().to("r1", "r2").except("r1").emit("news", "r2-not-r1").join();
		barrier(nodeA.cluster());

		assertThat(r2OnB.events("news")).containsOnlyOnce(List.of("r2-not-r1"));
		assertThat(r1r2OnB.events("news")).doesNotContain(List.of("r2-not-r1"));
		assertThat(r1OnA.events("news")).doesNotContain(List.of("r2-not-r1"));

		nodeA.cluster().to("r1", "r2").emit("news", "r1-or-r2").join();
		barrier(nodeA.cluster());
		for (SocketIoTestClient client : defaultNamespaceClients) {
			assertThat(client.events("news")).containsOnlyOnce(List.of("r1-or-r2"));
		}
	}

	@Test
	void localBroadcastStaysOnItsNode() {
		nodeB.cluster().of("/").local().to("r1").emit("news", "local-on-B").join();
		barrier(nodeB.cluster());

		assertThat(r1r2OnB.events("news")).containsOnlyOnce(List.of("local-on-B"));
		assertThat(r1OnA.events("news")).doesNotContain(List.of("local-on-B"));
	}

	@Test
	void broadcastFromASocketLeavesOutOnlyThatSocket() {
		SocketIOClient sender = nodeB.server().getClient(java.util.UUID.fromString(r1r2OnB.id()));
		nodeB.cluster().of("/").broadcastFrom(sender).emit("news", "from-r1r2").join();
		barrier(nodeB.cluster());

		assertThat(r1r2OnB.events("news")).doesNotContain(List.of("from-r1r2"));
		assertThat(r2OnB.events("news")).containsOnlyOnce(List.of("from-r1r2"));
		assertThat(r1OnA.events("news")).containsOnlyOnce(List.of("from-r1r2"));
	}

	@Test
	void namespacesDoNotSeeEachOthersTraffic() {
		nodeA.cluster().of("/admin").to("r1").emit("news", "admin-only").join();
		nodeA.cluster().to("r1").emit("news", "default-only").join();
		barrier(nodeA.cluster());
		nodeA.cluster().of("/admin").emit("barrier", "admin").join();

		assertThat(adminOnB.awaitEvents("barrier", 1)).contains(List.of("admin"));
		assertThat(adminOnB.events("news")).containsOnlyOnce(List.of("admin-only")).doesNotContain(List.of("default-only"));
		assertThat(r1r2OnB.events("news")).containsOnlyOnce(List.of("default-only")).doesNotContain(List.of("admin-only"));
	}

	@Test
	void namespaceAddedAfterStartIsClustered() {
		nodeA.server().addNamespace("/late");
		nodeB.server().addNamespace("/late");
		try (SocketIoTestClient lateOnB = SocketIoTestClient.connect(nodeB.port(), "/late", "", "news")) {
			nodeA.cluster().of("/late").emit("news", "late").join();
			nodeA.emitter().of("/late").emit("news", "late-emitter").join();

			assertThat(lateOnB.awaitEvents("news", 2)).containsExactly(List.of("late"), List.of("late-emitter"));
		}
	}

	@Test
	void unknownNamespaceIsRefusedClearly() {
		org.assertj.core.api.Assertions.assertThatIllegalStateException()
			.isThrownBy(() -> nodeA.cluster().of("/nowhere"))
			.withMessageContaining("/nowhere");
	}

	@Test
	void reservedEventNamesAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> nodeA.cluster().emit("disconnect"))
			.withMessageContaining("reserved");
	}

	@Test
	void messagesFromOnePublisherArriveInPublishOrder() {
		List<Integer> sent = IntStream.range(0, 300).boxed().toList();
		sent.forEach((n) -> nodeA.cluster().to("r1").emit("seq", n));

		List<Object> received = new ArrayList<>();
		r1r2OnB.awaitEvents("seq", sent.size()).forEach((args) -> received.add(args.get(0)));
		assertThat(received).containsExactlyElementsOf(sent);
	}

	@Test
	void roomEventsFollowLocalMembership() {
		int before = nodeA.roomEvents().size();
		SocketIoTestClient client = SocketIoTestClient.connect(nodeA.port(), "", "room=fresh");
		String id = client.id();
		client.close();

		await().untilAsserted(() -> assertThat(nodeA.roomEvents().subList(before, nodeA.roomEvents().size()))
			.extracting(Object::toString)
			.containsSubsequence("create-room / " + id, "join-room / " + id + " " + id, "create-room / fresh",
					"join-room / fresh " + id, "leave-room / fresh " + id, "delete-room / fresh")
			.contains("leave-room / " + id + " " + id, "delete-room / " + id));
		assertThat(nodeA.roomEvents()).extracting(SocketIoRoomEvent::getRoom).doesNotContain("");
	}

	private static void barrier(SocketIoCluster cluster) {
		String token = java.util.UUID.randomUUID().toString();
		cluster.emit("barrier", token).join();
		for (SocketIoTestClient client : defaultNamespaceClients) {
			await().untilAsserted(() -> assertThat(client.events("barrier")).contains(List.of(token)));
		}
	}

}
