package dev.socketioredis.transport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.socketioredis.test.ClusterNode;
import dev.socketioredis.test.RedisTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A websocket client that offers permessage-deflate, as every browser does, gets uncompressed messages, as from
 * Node's Socket.IO (engine.io's perMessageDeflate is off); {@code socketio.server.websocket-compression=true} turns
 * netty-socketio's compression back on.
 */
class WebsocketCompressionIntegrationTests {

	@RegisterExtension
	static RedisTestServer redis = new RedisTestServer();

	@Test
	void anOfferedCompressionIsDeclinedByDefaultAndAcceptedWhenAsked() throws IOException {
		try (ClusterNode node = ClusterNode.start(redis)) {
			assertThat(upgradeResponse(node.port())).contains("HTTP/1.1 101 Switching Protocols")
				.noneMatch((header) -> header.toLowerCase().startsWith("sec-websocket-extensions"));
		}
		try (ClusterNode node = ClusterNode.start(redis, "socketio.server.websocket-compression=true")) {
			assertThat(upgradeResponse(node.port()))
				.anyMatch((header) -> header.toLowerCase().startsWith("sec-websocket-extensions: permessage-deflate"));
		}
	}

	/** The header lines of the answer to a websocket handshake that offers permessage-deflate. */
	private static List<String> upgradeResponse(int port) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			OutputStream out = socket.getOutputStream();
			out.write(("GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
					+ "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
					+ "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Extensions: permessage-deflate; "
					+ "client_max_window_bits\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			BufferedReader in = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
			List<String> headers = new ArrayList<>();
			for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
				headers.add(line);
			}
			return headers;
		}
	}

}
