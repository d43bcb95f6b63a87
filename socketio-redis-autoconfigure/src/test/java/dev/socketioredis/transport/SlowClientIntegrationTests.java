package dev.socketioredis.transport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

import dev.socketioredis.test.ClusterNode;
import dev.socketioredis.test.RedisTestServer;
import dev.socketioredis.test.SocketIoTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A client that stops reading its socket must not hold back the others: writes to clients are asynchronous, each on
 * its own Netty event loop, so the adapter's single dispatcher thread never waits for one.
 */
class SlowClientIntegrationTests {

	private static final int MESSAGES = 300;

	@RegisterExtension
	static RedisTestServer redis = new RedisTestServer();

	@Test
	void aClientThatNeverReadsDoesNotStallTheOthers() throws Exception {
		try (ClusterNode publisher = ClusterNode.start(redis); ClusterNode receiver = ClusterNode.start(redis)) {
			WebSocket stalled = HttpClient.newHttpClient()
				.newWebSocketBuilder()
				.buildAsync(URI.create("ws://127.0.0.1:" + receiver.port() + "/socket.io/?EIO=4&transport=websocket"),
						new NeverReads())
				.join();
			stalled.sendText("40", true).join(); // the CONNECT packet of "/"
			try (SocketIoTestClient reader = SocketIoTestClient.connect(receiver.port(), "", "", "big")) {
				await().until(() -> receiver.server().getAllClients().size() == 2);
				String large = "x".repeat(64 * 1024);
				for (int i = 0; i < MESSAGES; i++) {
					publisher.cluster().emit("big", i, large); // ~19 MB for each client of the receiver
				}
				await().atMost(Duration.ofSeconds(30))
					.untilAsserted(() -> assertThat(reader.events("big")).hasSize(MESSAGES));
				assertThat(reader.events("big").get(MESSAGES - 1).get(0)).isEqualTo(MESSAGES - 1);
			}
			finally {
				stalled.abort();
			}
		}
	}

	/** Asks for no message at all, so its TCP receive window fills up and the server's writes pile up. */
	private static final class NeverReads implements WebSocket.Listener {

		@Override
		public void onOpen(WebSocket webSocket) {
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			return null;
		}

	}

}
