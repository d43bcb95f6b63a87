package dev.socketioredis.transport;

import java.util.List;
import java.util.Map;

import dev.socketioredis.test.ClusterNode;
import dev.socketioredis.test.RedisTestServer;
import dev.socketioredis.test.SocketIoTestClient;
import io.socket.client.Socket;
import io.socket.engineio.client.transports.Polling;
import io.socket.engineio.client.transports.WebSocket;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Binary payloads reach Engine.IO v4 clients intact over websocket and long-polling, whether the broadcast was
 * delivered by netty-socketio on the sending node or by the adapter on another node. netty-socketio 2.0.14 alone
 * corrupts both (an extra 0x04 byte on websocket, a parse error on polling).
 */
class BinaryBroadcastIntegrationTests {

	private static final byte[] BYTES = { 1, 2, 3, (byte) 0xff, 0 };

	@RegisterExtension
	static RedisTestServer redis = new RedisTestServer();

	static ClusterNode nodeA;

	static ClusterNode nodeB;

	static List<SocketIoTestClient> clients;

	@BeforeAll
	static void startCluster() {
		nodeA = ClusterNode.start(redis);
		nodeB = ClusterNode.start(redis);
		clients = List.of(client(WebSocket.NAME, nodeA), client(Polling.NAME, nodeA), client(WebSocket.NAME, nodeB),
				client(Polling.NAME, nodeB));
	}

	@AfterAll
	static void stopCluster() {
		clients.forEach(SocketIoTestClient::close);
		nodeA.close();
		nodeB.close();
	}

	@Test
	void binaryBroadcastWithNettySocketIoApiArrivesIntactEverywhere() {
		nodeA.server().getRoomOperations("bin").sendEvent("bytes", BYTES, "text");

		for (SocketIoTestClient client : clients) {
			List<Object> args = client.awaitEvents("bytes", 1).get(0);
			assertThat(args.get(0)).isEqualTo(BYTES);
			assertThat(args.get(1)).isEqualTo("text");
		}
	}

	@Test
	void nestedBinaryFromTheEmitterArrivesIntactEverywhere() throws Exception {
		nodeB.emitter().to("bin").emit("nested", Map.of("data", BYTES), List.of(BYTES)).join();

		for (SocketIoTestClient client : clients) {
			List<Object> args = client.awaitEvents("nested", 1).get(0);
			assertThat(((JSONObject) args.get(0)).get("data")).isEqualTo(BYTES);
			assertThat(((org.json.JSONArray) args.get(1)).get(0)).isEqualTo(BYTES);
		}
	}

	@Test
	void broadcastToARoomWithoutLocalMembersLeavesPollingClientsAlone() {
		nodeA.server().getRoomOperations("nobody-on-b").sendEvent("elsewhere", "x");
		nodeA.server().getRoomOperations("bin").sendEvent("after", "y");

		for (SocketIoTestClient client : clients) {
			assertThat(client.awaitEvents("after", 1)).containsExactly(List.of("y"));
			assertThat(client.events("elsewhere")).isEmpty();
			assertThat(client.events(Socket.EVENT_DISCONNECT)).isEmpty();
			assertThat(client.socket().connected()).isTrue();
		}
	}

	private static SocketIoTestClient client(String transport, ClusterNode node) {
		return SocketIoTestClient.connect(transport, node.port(), "", "room=bin", "bytes", "nested", "elsewhere",
				"after");
	}

}
