package dev.socketioredis.transport;

import java.util.List;

import dev.socketioredis.adapter.RemoteSocket;
import dev.socketioredis.test.ClusterNode;
import dev.socketioredis.test.NodePeer;
import dev.socketioredis.test.NodePeer.Client;
import dev.socketioredis.test.RedisTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a {@code socket.io-client} 2.5 client (Engine.IO v3) sends over long-polling from Node.js, where it asks for
 * {@code b64=1}, reaches a Java node as it was sent: the CONNECT of {@code /admin} carries the query, URL-encoded
 * ({@code room=a%2Cb}), and events may hold {@code %} and {@code +}. The node echoes {@code echo} events of
 * {@code /admin} back to their sender as {@code echoed}.
 */
class LegacyPollingPayloadIntegrationTests {

	@RegisterExtension
	static RedisTestServer redis = new RedisTestServer();

	static ClusterNode node;

	static NodePeer nodePeer;

	@BeforeAll
	static void start() {
		node = ClusterNode.start(redis);
		node.server().getNamespace("/admin").addEventListener("echo", String.class,
				(client, text, ack) -> client.sendEvent("echoed", text));
		nodePeer = NodePeer.start(redis);
	}

	@AfterAll
	static void stop() {
		nodePeer.close();
		node.close();
	}

	@Test
	void aNamespaceWithAQueryConnectsAndEventsArriveAsSent() {
		String socketId = nodePeer.connectClient("legacy",
				Client.v2().to(node.port()).namespace("/admin").transport("polling").rooms("a,b")).socketId();
		try {
			assertThat(node.cluster().of("/admin").in("a").fetchSockets().join()).extracting(RemoteSocket::id)
				.containsExactly(socketId.substring(socketId.indexOf('#') + 1));

			String text = "1+1=2, 100% sure: a%2Cb ✓";
			nodePeer.clientEmit("legacy", "echo", text);
			assertThat(nodePeer.awaitEvents("legacy", "echoed", 1)).containsExactly(List.of(text));
		}
		finally {
			nodePeer.closeClient("legacy");
		}
	}

}
