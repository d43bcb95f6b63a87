package dev.socketioredis.transport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.socketioredis.adapter.RemoteSocket;
import dev.socketioredis.test.ClusterNode;
import dev.socketioredis.test.RedisTestServer;
import dev.socketioredis.test.SocketIoTestClient;
import io.socket.client.Socket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Engine.IO sessions on a Java node, as Socket.IO 4 has them: a handshake with no CONNECT is a socket of no namespace,
 * forgotten at its ping deadline; every handshake gets an id of its own, even one that carries the {@code io} cookie
 * netty-socketio sets (a browser sends it back with its next connection), so that no session shares another's id.
 * The node pings every second and waits one second for the answer.
 */
class EngineSessionsIntegrationTests {

	private static final Pattern SESSION_ID = Pattern.compile("\"sid\":\"([^\"]+)\"");

	@RegisterExtension
	static RedisTestServer redis = new RedisTestServer();

	static ClusterNode node;

	static HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void startNode() {
		node = ClusterNode.start(redis, "socketio.server.ping-interval=1s", "socketio.server.ping-timeout=1s");
	}

	@AfterAll
	static void stopNode() {
		node.close();
	}

	@Test
	void aHandshakeWithoutConnectIsNoSocketAndIsForgottenAtItsPingDeadline() throws Exception {
		HttpResponse<String> open = poll("");
		Matcher sid = SESSION_ID.matcher(open.body());
		assertThat(sid.find()).as("OPEN packet %s", open.body()).isTrue();
		String sessionId = sid.group(1);
		// netty-socketio closes the connection after each response: the response must not invite its reuse
		assertThat(open.headers().firstValue("connection")).hasValue("close");

		assertThat(node.cluster().of("/").monitor().localClients()).isZero();
		assertThat(node.cluster().of("/").fetchSockets().join()).isEmpty();
		assertThat(node.connectListenerRuns("/")).doesNotContain(sessionId);

		// its polls are answered (pings, then the CLOSE packet) until the session is forgotten
		await().atMost(Duration.ofSeconds(15)).until(() -> poll("&sid=" + sessionId).statusCode() != 200);
		assertThat(node.cluster().of("/").monitor().localClients()).isZero();
	}

	@Test
	void aHandshakeWithThePreviousSessionsCookieGetsAnIdOfItsOwn() {
		SocketIoTestClient first = SocketIoTestClient.connect("polling", node.port(), "", "room=first");
		try (SocketIoTestClient second = SocketIoTestClient.connectWithHeaders("polling", node.port(), "",
				"room=second", Map.of("Cookie", List.of("io=" + first.id())), "news")) {
			assertThat(second.id()).isNotEqualTo(first.id());

			first.close();
			await().untilAsserted(() -> assertThat(node.cluster().in("first").countSockets().join()).isZero());
			node.cluster().to("second").emit("news", "still-here").join();

			assertThat(second.awaitEvents("news", 1)).containsExactly(List.of("still-here"));
			assertThat(node.cluster().in("second").fetchSockets().join()).extracting(RemoteSocket::id)
				.containsExactly(second.id());
			assertThat(second.events(Socket.EVENT_DISCONNECT)).isEmpty();
		}
	}

	private static HttpResponse<String> poll(String query) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + node.port() + "/socket.io/?EIO=4&transport=polling" + query))
			.timeout(Duration.ofSeconds(5))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
