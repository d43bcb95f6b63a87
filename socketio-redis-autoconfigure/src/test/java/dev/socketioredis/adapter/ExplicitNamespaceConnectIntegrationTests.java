package dev.socketioredis.adapter;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

import com.corundumstudio.socketio.AuthTokenResult;
import dev.socketioredis.test.ClusterNode;
import dev.socketioredis.test.NodePeer;
import dev.socketioredis.test.NodePeer.Client;
import dev.socketioredis.test.RedisTestServer;
import dev.socketioredis.test.SocketIoTestClient;
import io.socket.client.Socket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A client that connects only {@code /admin} is no socket of {@code /}, on a Java node as on a Node server: requests
 * of {@code /} from Java nodes and from a Node {@code socket.io} 4.8 server with {@code @socket.io/redis-adapter} 8.3.0
 * neither list, count, join, leave nor disconnect it, and the connect listeners of {@code /} do not run for it. A
 * client becomes a socket of {@code /} when it connects {@code /}, later or never; Engine.IO v3 clients
 * (socket.io-client 2.5) still get {@code /} implicitly, as their protocol says.
 *
 * <p>
 * Every client joins the rooms of its {@code room} query in the namespaces it connects (the nodes' connect
 * listeners). Sockets of {@code /}, all in room {@code shared}: the Java client {@code rootA} on Java node A (websocket),
 * Node client {@code root-b} on Java node B (long-polling), Node client {@code root-n} on the Node server, and the
 * implicit {@code /} socket of the socket.io-client 2.5 client {@code legacy-admin} (long-polling), which asked for
 * {@code /admin} on node B. Clients of {@code /admin} only, all in rooms {@code shared} and {@code admin-only}: the Java client
 * {@code adminA} on A (long-polling), Node clients {@code admin-ws} on A (websocket) and {@code admin-polling} on B
 * (long-polling).
 */
class ExplicitNamespaceConnectIntegrationTests {

	@RegisterExtension
	static RedisTestServer redis = new RedisTestServer();

	static NodePeer nodePeer;

	static ClusterNode javaA;

	static ClusterNode javaB;

	static SocketIoTestClient rootA;

	static SocketIoTestClient adminA;

	static String rootB;

	static String rootN;

	static String legacyRoot;

	static List<String> adminOnly;

	@BeforeAll
	static void startCluster() {
		nodePeer = NodePeer.start(redis);
		javaA = ClusterNode.start(redis);
		javaB = ClusterNode.start(redis);
		javaA.server().getNamespace("/admin").addAuthTokenListener((auth, client) -> Map.of("token", "refused")
			.equals(auth) ? new AuthTokenResult(false, Map.of("message", "refused by the auth listener"))
					: AuthTokenResult.AuthTokenResultSuccess);
		rootA = SocketIoTestClient.connect(javaA.port(), "", "room=shared,root");
		adminA = SocketIoTestClient.connect("polling", javaA.port(), "/admin", "room=shared,admin-only", "news");
		rootB = nodePeer.connectClient("root-b", Client.v4().to(javaB.port()).transport("polling").rooms("shared,root"))
			.socketId();
		rootN = nodePeer.connectClient("root-n", Client.v4().rooms("shared,root")).socketId();
		String legacyAdmin = nodePeer
			.connectClient("legacy-admin", Client.v2().to(javaB.port()).namespace("/admin").transport("polling")
				.rooms("shared,legacy"))
			.socketId();
		// socket.io-client 2 names a socket of another namespace "<namespace>#<session id>"
		legacyRoot = legacyAdmin.substring(legacyAdmin.indexOf('#') + 1);
		String adminWs = nodePeer
			.connectClient("admin-ws", Client.v4().to(javaA.port()).namespace("/admin").rooms("shared,admin-only"))
			.socketId();
		String adminPolling = nodePeer
			.connectClient("admin-polling", Client.v4().to(javaB.port()).namespace("/admin").transport("polling")
				.rooms("shared,admin-only"))
			.socketId();
		adminOnly = List.of(adminA.id(), adminWs, adminPolling);
	}

	@AfterAll
	static void stopCluster() {
		Stream.of(rootA, adminA).filter(Objects::nonNull).forEach(SocketIoTestClient::close);
		if (nodePeer != null) {
			nodePeer.close();
		}
		Stream.of(javaA, javaB).filter(Objects::nonNull).parallel().forEach(ClusterNode::close);
	}

	private static List<String> rootSockets() {
		return List.of(rootA.id(), rootB, rootN, legacyRoot);
	}

	@Test
	void fetchSocketsOfTheDefaultNamespaceListsItsSocketsOnlyFromJavaAndNodeServers() {
		for (ClusterNode java : List.of(javaA, javaB)) {
			assertThat(java.cluster().of("/").fetchSockets().join()).extracting(RemoteSocket::id)
				.containsExactlyInAnyOrderElementsOf(rootSockets());
			assertThat(java.cluster().in("shared").fetchSockets().join()).extracting(RemoteSocket::id)
				.containsExactlyInAnyOrderElementsOf(rootSockets());
			assertThat(java.cluster().of("/admin").in("admin-only").fetchSockets().join()).extracting(RemoteSocket::id)
				.containsExactlyInAnyOrderElementsOf(adminOnly);
		}
		assertThat(nodePeer.fetchSocketIds("/", List.of(), List.of()))
			.containsExactlyInAnyOrderElementsOf(rootSockets());
		assertThat(nodePeer.fetchSocketIds("/", List.of("shared"), List.of()))
			.containsExactlyInAnyOrderElementsOf(rootSockets());
		assertThat(nodePeer.fetchSocketIds("/admin", List.of("admin-only"), List.of()))
			.containsExactlyInAnyOrderElementsOf(adminOnly);
	}

	@Test
	void countsAndRoomsOfTheDefaultNamespaceLeaveOutClientsOfAdminOnly() {
		assertThat(javaA.cluster().in("shared").countSockets().join()).isEqualTo(rootSockets().size());
		assertThat(javaB.cluster().of("/admin").in("shared").countSockets().join()).isEqualTo(adminOnly.size() + 1);
		assertThat(javaA.cluster().of("/").allRooms().join()).contains("shared", "root", "legacy")
			.doesNotContain("admin-only");
		assertThat(nodePeer.allRooms("/")).contains("shared", "root", "legacy").doesNotContain("admin-only");
		// other tests' clients come and go: await the counts of this test's own
		await().untilAsserted(() -> {
			assertThat(javaA.cluster().of("/").monitor().localClients()).isEqualTo(1);
			assertThat(javaB.cluster().of("/").monitor().localClients()).isEqualTo(2);
			assertThat(javaA.cluster().of("/admin").monitor().localClients()).isEqualTo(2);
		});
	}

	@Test
	void connectListenersOfTheDefaultNamespaceRunForItsSocketsOnly() {
		assertThat(javaA.connectListenerRuns("/")).containsOnlyOnce(rootA.id()).doesNotContainAnyElementsOf(adminOnly);
		assertThat(javaB.connectListenerRuns("/")).containsOnlyOnce(rootB, legacyRoot)
			.doesNotContainAnyElementsOf(adminOnly);
		assertThat(javaA.connectListenerRuns("/admin")).containsOnlyOnce(adminOnly.get(0), adminOnly.get(1));
	}

	@Test
	void socketsJoinAndLeaveOfTheDefaultNamespaceMoveItsSocketsOnly() {
		javaA.cluster().in("shared").socketsJoin("joined-by-java").join();
		nodePeer.socketsJoin("/", List.of("shared"), List.of(), List.of("joined-by-node"));
		for (String joined : List.of("joined-by-java", "joined-by-node")) {
			await().untilAsserted(() -> assertThat(javaB.cluster().in(joined).fetchSockets().join())
				.extracting(RemoteSocket::id)
				.containsExactlyInAnyOrderElementsOf(rootSockets()));
			assertThat(nodePeer.fetchSocketIds("/admin", List.of(joined), List.of())).isEmpty();
		}

		javaB.cluster().in("joined-by-node").socketsLeave("joined-by-node").join();
		nodePeer.socketsLeave("/", List.of("joined-by-java"), List.of(), List.of("joined-by-java"));
		await().untilAsserted(() -> {
			assertThat(javaA.cluster().in("joined-by-java", "joined-by-node").countSockets().join()).isZero();
			assertThat(javaA.cluster().of("/").allRooms().join()).doesNotContain("joined-by-java", "joined-by-node");
		});
	}

	@Test
	void disconnectSocketsOfTheDefaultNamespaceLeavesClientsOfAdminOnlyConnected() {
		try (SocketIoTestClient doomedA = SocketIoTestClient.connect(javaA.port(), "", "room=doomed");
				SocketIoTestClient adminDoomedA = SocketIoTestClient.connect(javaA.port(), "/admin", "room=doomed",
						"news")) {
			String doomedN = nodePeer.connectClient("doomed-n", Client.v4().rooms("doomed")).socketId();
			nodePeer.connectClient("admin-doomed-b",
					Client.v4().to(javaB.port()).namespace("/admin").transport("polling").rooms("doomed"));

			javaB.cluster().in("doomed").disconnectSockets(false).join();
			nodePeer.disconnectSockets("/", List.of("doomed"), List.of(), true);

			await().untilAsserted(() -> assertThat(doomedA.events(Socket.EVENT_DISCONNECT)).hasSize(1));
			assertThat(nodePeer.awaitEvents("doomed-n", "disconnect", 1)).hasSize(1);
			await().untilAsserted(() -> assertThat(javaA.cluster().in("doomed").fetchSockets().join()).isEmpty());
			assertThat(nodePeer.fetchSocketIds("/", List.of(), List.of())).doesNotContain(doomedN);

			// a barrier on /admin: once it arrived, a disconnect sent before it would have arrived too
			javaA.cluster().of("/admin").to("doomed").emit("news", "still-here").join();
			await().untilAsserted(() -> assertThat(adminDoomedA.events("news")).isNotEmpty());
			assertThat(nodePeer.awaitEvents("admin-doomed-b", "news", 1)).containsExactly(List.of("still-here"));
			assertThat(adminDoomedA.events(Socket.EVENT_DISCONNECT)).isEmpty();
			assertThat(nodePeer.events("admin-doomed-b", "disconnect")).isEmpty();
			assertThat(javaB.cluster().of("/admin").in("doomed").fetchSockets().join()).hasSize(2);
		}
		finally {
			nodePeer.closeClient("admin-doomed-b");
		}
	}

	@Test
	void aClientThatConnectsTheDefaultNamespaceLaterBecomesItsSocketThen() {
		String admin = nodePeer.connectClient("later", Client.v4().to(javaA.port()).namespace("/admin").rooms("later"))
			.socketId();
		try {
			assertThat(javaB.cluster().in("later").fetchSockets().join()).isEmpty();
			assertThat(javaA.connectListenerRuns("/")).doesNotContain(admin);

			String root = nodePeer.openNamespace("later-root", "later", "/");

			// one Engine.IO session, now a socket of both namespaces
			assertThat(root).isEqualTo(admin);
			assertThat(javaA.connectListenerRuns("/")).containsOnlyOnce(root);
			assertThat(nodePeer.fetchSocketIds("/", List.of("later"), List.of())).containsExactly(root);
			assertThat(javaB.cluster().of("/admin").in("later").fetchSockets().join()).extracting(RemoteSocket::id)
				.containsExactly(admin);

			// disconnecting / leaves /admin connected
			nodePeer.closeClient("later-root");
			await().untilAsserted(() -> assertThat(javaB.cluster().in("later").fetchSockets().join()).isEmpty());
			nodePeer.emit("/admin", List.of("later"), List.of(), "news", "admin-still-connected");
			assertThat(nodePeer.awaitEvents("later", "news", 1)).containsExactly(List.of("admin-still-connected"));
			assertThat(nodePeer.events("later", "disconnect")).isEmpty();
		}
		finally {
			nodePeer.closeClient("later");
		}
	}

	@Test
	void nettySocketIoDisconnectOfOneSocketRemovesItAtOnceAndLeavesTheOtherNamespaceConnected() {
		String admin = nodePeer
			.connectClient("netty-dc", Client.v4().to(javaA.port()).namespace("/admin").rooms("netty-dc"))
			.socketId();
		try {
			String root = nodePeer.openNamespace("netty-dc-root", "netty-dc", "/");
			assertThat(javaB.cluster().in("netty-dc").fetchSockets().join()).hasSize(1);

			javaA.server().getNamespace("").getClient(UUID.fromString(root)).disconnect();

			assertThat(nodePeer.awaitEvents("netty-dc-root", "disconnect", 1))
				.containsExactly(List.of("io server disconnect"));
			await().untilAsserted(() -> assertThat(javaB.cluster().in("netty-dc").fetchSockets().join()).isEmpty());
			assertThat(javaA.server().getNamespace("").getClient(UUID.fromString(root))).isNull();
			nodePeer.emit("/admin", List.of("netty-dc"), List.of(), "news", "admin-still-connected");
			assertThat(nodePeer.awaitEvents("netty-dc", "news", 1)).containsExactly(List.of("admin-still-connected"));
			assertThat(nodePeer.events("netty-dc", "disconnect")).isEmpty();
			assertThat(javaB.cluster().of("/admin").in("netty-dc").fetchSockets().join()).extracting(RemoteSocket::id)
				.containsExactly(admin);
		}
		finally {
			nodePeer.closeClient("netty-dc");
		}
	}

	@Test
	void aRefusedOrUnknownNamespaceLeavesNoSocketBehind() {
		try {
			assertThatThrownBy(() -> nodePeer.connectClient("refused", Client.v4().to(javaA.port())
				.namespace("/admin")
				.rooms("refused-room")
				.auth(Map.of("token", "refused")))).hasMessageContaining("refused by the auth listener");
			assertThatThrownBy(() -> nodePeer.connectClient("lost", Client.v4().to(javaA.port()).namespace("/nowhere")))
				.hasMessageContaining("Invalid namespace");

			assertThat(javaB.cluster().of("/admin").fetchSockets().join())
				.noneMatch((socket) -> String.valueOf(socket.handshake().get("query")).contains("refused-room"));
		}
		finally {
			nodePeer.closeClient("refused");
			nodePeer.closeClient("lost");
		}
	}

}
