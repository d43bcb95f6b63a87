package dev.socketioredis.transport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

import dev.socketioredis.test.ClusterNode;
import dev.socketioredis.test.RedisTestServer;
import dev.socketioredis.test.SocketIoTestClient;
import io.netty.util.internal.PlatformDependent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A client that stops reading its socket must not hold back the others: writes to clients are asynchronous, each on
 * its own Netty event loop, so the adapter's single dispatcher thread never waits for one. Nor may it hold the node's
 * memory: past {@code socketio.server.max-pending-write-bytes} waiting for it, it is disconnected.
 */
class SlowClientIntegrationTests {

	private static final int MESSAGES = 300;

	private static final int SMALL_MESSAGES = 50 * 1024;

	@RegisterExtension
	static RedisTestServer redis = new RedisTestServer();

	@Test
	void aClientThatNeverReadsDoesNotStallTheOthers() throws Exception {
		// a limit above all this test sends: the reader, which reads as fast as it can, is never cut off
		try (ClusterNode publisher = ClusterNode.start(redis);
				ClusterNode receiver = ClusterNode.start(redis, "socketio.server.max-pending-write-bytes=256MB")) {
			WebSocket stalled = connectStalled(receiver);
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

	@Test
	void aClientThatStopsReadingIsDisconnectedOnceItsBacklogPassesTheLimit() {
		try (ClusterNode publisher = ClusterNode.start(redis);
				ClusterNode receiver = ClusterNode.start(redis, "socketio.server.max-pending-write-bytes=4MB")) {
			WebSocket stalled = connectStalled(receiver);
			try (SocketIoTestClient reader = SocketIoTestClient.connect(receiver.port(), "", "", "kb")) {
				await().until(() -> receiver.server().getAllClients().size() == 2);
				ClientFaults faults = receiver.context().getBean(ClientFaults.class);
				long directBefore = PlatformDependent.usedDirectMemory();
				String kibibyte = "x".repeat(1024);
				// 1 MiB at a time, each read by the reader before the next: only the stalled client falls behind
				for (int sent = 0; sent < SMALL_MESSAGES;) {
					for (int i = 0; i < 1024; i++, sent++) {
						publisher.cluster().emit("kb", sent, kibibyte);
					}
					int expected = sent;
					await().atMost(Duration.ofSeconds(30))
						.untilAsserted(() -> assertThat(reader.events("kb")).hasSize(expected));
				}
				long directGrowth = PlatformDependent.usedDirectMemory() - directBefore;
				System.out.printf("%d x 1 KiB to a stalled client: direct memory grew by %d KiB%n", SMALL_MESSAGES,
						directGrowth / 1024);
				assertThat(faults.total(ClientFaults.Reason.SLOW_CLIENT)).isOne();
				assertThat(receiver.server().getAllClients()).hasSize(1);
				assertThat(directGrowth).isLessThan(64L * 1024 * 1024);
			}
			finally {
				stalled.abort();
			}
		}
	}

	private static WebSocket connectStalled(ClusterNode node) {
		WebSocket stalled = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.buildAsync(URI.create("ws://127.0.0.1:" + node.port() + "/socket.io/?EIO=4&transport=websocket"),
					new NeverReads())
			.join();
		stalled.sendText("40", true).join(); // the CONNECT packet of "/"
		return stalled;
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
