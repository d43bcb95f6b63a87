package dev.socketioredis.transport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.socketioredis.test.ClusterNode;
import dev.socketioredis.test.LogLines;
import dev.socketioredis.test.RedisTestServer;
import dev.socketioredis.transport.ClientFaults.Reason;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Hostile or broken clients cost a Java node an answer and a counter, never a hanging connection, a {@code 500} or
 * a log line each: requests for sessions that do not exist are answered {@code 400} with Engine.IO's error body, as
 * Node's engine.io answers them, and malformed packets close their connection. Log lines are counted while each test
 * runs.
 */
class ClientFaultsIntegrationTests {

	private static final Pattern SESSION_ID = Pattern.compile("\"sid\":\"([^\"]+)\"");

	private static final int REPEATS = 50;

	@RegisterExtension
	static RedisTestServer redis = new RedisTestServer();

	static ClusterNode node;

	static HttpClient http = HttpClient.newHttpClient();

	@RegisterExtension
	final LogLines logs = new LogLines();

	@BeforeAll
	static void startNode() {
		node = ClusterNode.start(redis);
	}

	@AfterAll
	static void stopNode() {
		node.close();
	}

	@Test
	void requestsForUnknownSessionsAreAnswered400AsNodeAnswersThem() throws Exception {
		long before = faults().total(Reason.UNKNOWN_SESSION);
		for (int i = 0; i < REPEATS; i++) {
			for (String sid : List.of("not-a-uuid", UUID.randomUUID().toString())) {
				assertRefused(send("GET", "?EIO=4&transport=polling&sid=" + sid), 1, "Session ID unknown");
				assertRefused(send("POST", "?EIO=4&transport=polling&sid=" + sid), 1, "Session ID unknown");
			}
		}
		assertThat(faults().total(Reason.UNKNOWN_SESSION) - before).isEqualTo(4L * REPEATS);
		assertQuietLogs();
	}

	@Test
	void requestsEngineIoDoesNotDefineAreAnswered400() throws Exception {
		String sid = handshake();
		assertRefused(send("DELETE", "?EIO=4&transport=polling&sid=" + sid), 3, "Bad request");
		assertRefused(send("GET", "?EIO=4"), 0, "Transport unknown");
		assertRefused(send("GET", "?EIO=4&transport=carrier-pigeon"), 0, "Transport unknown");
		assertQuietLogs();
	}

	@Test
	void malformedPacketsCloseTheirConnectionAndAreCountedNotLogged() {
		long before = faults().total(Reason.MALFORMED_PACKET);
		// an unknown Engine.IO type, an unknown Socket.IO type (twice), JSON cut short
		List<String> garbage = List.of("7", "49", "4{}", "42[\"unterminated");
		for (int i = 0; i < REPEATS; i++) {
			for (String frame : garbage) {
				WebSocket socket = http.newWebSocketBuilder()
					.buildAsync(URI.create("ws://127.0.0.1:" + node.port() + "/socket.io/?EIO=4&transport=websocket"),
							new WebSocket.Listener() {
							})
					.join();
				socket.sendText("40", true).join();
				awaitRootSockets(1);
				socket.sendText(frame, true).join();
				// the server closed the connection: its socket of "/" is gone
				awaitRootSockets(0);
				socket.abort();
			}
		}
		assertThat(faults().total(Reason.MALFORMED_PACKET) - before).isEqualTo((long) REPEATS * garbage.size());
		assertQuietLogs();
	}

	private static void awaitRootSockets(int count) {
		await().pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(5))
			.until(() -> node.cluster().of("/").monitor().localClients() == count);
	}

	/** No ERROR line, and at most the one WARN summary of {@link ClientFaults} (one a minute). */
	private void assertQuietLogs() {
		assertThat(this.logs.warningsAndErrors()).hasSizeLessThanOrEqualTo(1)
			.allSatisfy((event) -> assertThat(event.getLoggerName()).isEqualTo(ClientFaults.class.getName()));
	}

	private static void assertRefused(HttpResponse<String> response, int code, String message) {
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).isEqualTo("{\"code\":" + code + ",\"message\":\"" + message + "\"}");
	}

	private static String handshake() throws Exception {
		Matcher sid = SESSION_ID.matcher(send("GET", "?EIO=4&transport=polling").body());
		assertThat(sid.find()).isTrue();
		return sid.group(1);
	}

	private static HttpResponse<String> send(String method, String query) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + "/socket.io/" + query))
			.method(method, HttpRequest.BodyPublishers.ofString(method.equals("POST") ? "1:2" : ""))
			.timeout(Duration.ofSeconds(5))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static ClientFaults faults() {
		return node.context().getBean(ClientFaults.class);
	}

}
