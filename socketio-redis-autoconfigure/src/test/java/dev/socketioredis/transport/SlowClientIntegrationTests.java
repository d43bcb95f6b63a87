package dev.socketioredis.transport;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.UUID;
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
 * A client that stops reading its socket must not hold back the others: writes to clients never block (Netty keeps
 * what a socket cannot take yet), so the event loop that delivers the messages from Redis never waits for one. Nor may
 * it hold the node's memory: past {@code socketio.server.max-pending-write-bytes} waiting for it, it is disconnected.
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
			try (SocketIoTestClient reader = SocketIoTestClient.connect(receiver.port(), "", "", "big", "probe")) {
				await().until(() -> receiver.server().getAllClients().size() == 2);
				awaitDeliveryPath(publisher, reader);
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
			try (SocketIoTestClient reader = SocketIoTestClient.connect(receiver.port(), "", "", "kb", "probe")) {
				await().until(() -> receiver.server().getAllClients().size() == 2);
				awaitDeliveryPath(publisher, reader);
				ClientFaults faults = receiver.context().getBean(ClientFaults.class);
				long directBefore = PlatformDependent.usedDirectMemory();
				long heapBefore = retainedHeap();
				sendReadByTheReader(publisher, reader);
				long directGrowth = PlatformDependent.usedDirectMemory() - directBefore;
				System.out.printf("%d x 1 KiB to a stalled client: direct memory grew by %d KiB, the heap retained "
						+ "after a full GC by %d KiB%n", SMALL_MESSAGES, directGrowth / 1024,
						(retainedHeap() - heapBefore) / 1024);
				assertThat(faults.total(ClientFaults.Reason.SLOW_CLIENT)).isOne();
				assertThat(receiver.server().getAllClients()).hasSize(1);
				assertThat(directGrowth).isLessThan(64L * 1024 * 1024);
			}
			finally {
				stalled.abort();
			}
		}
	}

	@Test
	void aLongPollingClientThatStopsPollingIsDisconnectedOnceItsBacklogPassesTheLimit() throws Exception {
		try (ClusterNode publisher = ClusterNode.start(redis);
				ClusterNode receiver = ClusterNode.start(redis, "socketio.server.max-pending-write-bytes=4MB")) {
			String stalledSid = connectStalledPolling(receiver);
			try (SocketIoTestClient reader = SocketIoTestClient.connect("polling", receiver.port(), "", "",
					"kb", "probe")) {
				await().until(() -> receiver.server().getAllClients().size() == 2);
				awaitDeliveryPath(publisher, reader);
				ClientFaults faults = receiver.context().getBean(ClientFaults.class);
				long heapBefore = retainedHeap();
				sendReadByTheReader(publisher, reader);
				// the reader, polling all along, kept up; the stalled client is measured once a second
				await().untilAsserted(() -> assertThat(faults.total(ClientFaults.Reason.SLOW_CLIENT)).isOne());
				await().until(() -> receiver.server().getAllClients().size() == 1);
				assertThat(receiver.server().getClient(UUID.fromString(stalledSid))).isNull();
				System.out.printf("%d x 1 KiB to a long-polling client that stopped polling: the heap retained after a "
						+ "full GC grew by %d KiB%n", SMALL_MESSAGES, (retainedHeap() - heapBefore) / 1024);
			}
		}
	}

	/**
	 * {@value #SMALL_MESSAGES} broadcasts of 1 KiB, 1 MiB at a time, each read by the reader before the next: only a
	 * stalled client falls behind. The reader forgets what it read, so as not to hold it in the heap measured.
	 */
	private static void sendReadByTheReader(ClusterNode publisher, SocketIoTestClient reader) {
		String kibibyte = "x".repeat(1024);
		for (int sent = 0; sent < SMALL_MESSAGES;) {
			for (int i = 0; i < 1024; i++, sent++) {
				publisher.cluster().emit("kb", sent, kibibyte);
			}
			int last = sent - 1;
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(reader.events("kb"))
					.as("broadcasts up to #%d read by the reader (connected: %s, its disconnects: %s)", last,
							reader.socket().connected(), reader.events("disconnect"))
					.hasSize(1024));
			assertThat(reader.events("kb").get(1023).get(0)).isEqualTo(last);
			reader.events("kb").clear();
		}
	}

	/**
	 * Broadcasts a probe until the reader gets one: the receiving node's subscription and the reader's transport carry
	 * broadcasts before the batches, whose waits then measure only how the reader keeps up. (Pub/sub may drop a
	 * message published before the subscription is live, so one probe could be lost.)
	 */
	private static void awaitDeliveryPath(ClusterNode publisher, SocketIoTestClient reader) {
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			publisher.cluster().emit("probe");
			assertThat(reader.events("probe")).isNotEmpty();
		});
	}

	/** A long-polling client that connects {@code /}, reads the CONNECT answer, and never polls again. */
	private static String connectStalledPolling(ClusterNode node) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		String base = "http://127.0.0.1:" + node.port() + "/socket.io/?EIO=4&transport=polling";
		String open = http.send(HttpRequest.newBuilder(URI.create(base)).build(), BodyHandlers.ofString()).body();
		String sid = open.replaceAll("^0\\{\"sid\":\"([^\"]+)\".*$", "$1");
		URI session = URI.create(base + "&sid=" + sid);
		http.send(HttpRequest.newBuilder(session).POST(BodyPublishers.ofString("40")).build(), BodyHandlers.ofString());
		assertThat(http.send(HttpRequest.newBuilder(session).build(), BodyHandlers.ofString()).body()).startsWith("40");
		return sid;
	}

	/** The heap still in use after a full collection: what the test's two nodes and clients hold. */
	private static long retainedHeap() {
		System.gc();
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
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
