package dev.socketioredis.transport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.socketioredis.test.ClusterNode;
import dev.socketioredis.test.RedisTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The upgrade from long-polling to websocket, step by step as a browser's socket.io-client takes it, on a node with
 * the default ping interval (25 s): a poll the client makes after the probe is answered while the upgrade is under
 * way, as Node's engine.io answers it, and not left waiting for the next ping, past the upgrade timeout.
 */
class TransportUpgradeIntegrationTests {

	@RegisterExtension
	static RedisTestServer redis = new RedisTestServer();

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void answersAPollMadeAfterTheProbeUntilTheClientUpgrades() throws Exception {
		try (ClusterNode node = ClusterNode.start(redis)) {
			upgrade(node.port());
		}
	}

	/** A handshake, a pending poll, the websocket probe, a poll after it, then the upgrade and the CONNECT of /. */
	private void upgrade(int port) throws Exception {
		Matcher sid = Pattern.compile("\"sid\":\"([^\"]+)\"").matcher(poll(port, "").join().body());
		assertThat(sid.find()).isTrue();
		String query = "&sid=" + sid.group(1);
		CompletableFuture<HttpResponse<String>> pendingPoll = poll(port, query);

		BlockingQueue<String> frames = new LinkedBlockingQueue<>();
		WebSocket websocket = this.http.newWebSocketBuilder()
			.buildAsync(URI.create("ws://127.0.0.1:" + port + "/socket.io/?EIO=4&transport=websocket" + query),
					new WebSocket.Listener() {

						@Override
						public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
							frames.add(data.toString());
							socket.request(1);
							return null;
						}

					})
			.get(5, TimeUnit.SECONDS);
		try {
			websocket.sendText("2probe", true).get(5, TimeUnit.SECONDS);
			assertThat(frames.poll(5, TimeUnit.SECONDS)).isEqualTo("3probe");
			assertThat(pendingPoll.get(5, TimeUnit.SECONDS).body()).isEqualTo("6");

			// the client polled again before it paused its polling: without an answer it cannot upgrade
			assertThat(poll(port, query).get(5, TimeUnit.SECONDS).body()).isEqualTo("6");

			websocket.sendText("5", true).get(5, TimeUnit.SECONDS);
			websocket.sendText("40", true).get(5, TimeUnit.SECONDS);
			assertThat(frames.poll(5, TimeUnit.SECONDS)).startsWith("40{\"sid\":");
		}
		finally {
			websocket.abort();
		}
	}

	private CompletableFuture<HttpResponse<String>> poll(int port, String query) {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + port + "/socket.io/?EIO=4&transport=polling" + query))
			.timeout(Duration.ofSeconds(30))
			.build();
		return this.http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
	}

}
