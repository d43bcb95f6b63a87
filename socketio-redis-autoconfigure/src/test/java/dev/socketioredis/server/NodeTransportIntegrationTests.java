package dev.socketioredis.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.corundumstudio.socketio.Configuration;
import dev.socketioredis.test.SocketIoTestClient;
import io.socket.client.Ack;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * A server on the node's event loops of each transport, with a real client: its listening channel must be of the
 * loops' kind, or it cannot even register on them.
 */
class NodeTransportIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@ParameterizedTest
	@EnumSource(NodeTransport.class)
	void aServerOnTheNodesLoopsServesClients(NodeTransport transport) throws IOException {
		assumeThat(NodeTransportTests.runsHere(transport)).as("%s runs here", transport).isTrue();
		SocketIoEventLoops loops = new SocketIoEventLoops(1, transport);
		SharedLoopsSocketIOServer server = new SharedLoopsSocketIOServer(configuration(freePort()), loops);
		server.addEventListener("echo", String.class,
				(client, text, ack) -> ack.sendAckData(text, Thread.currentThread().getName()));
		try {
			server.start();
			try (SocketIoTestClient client = SocketIoTestClient.connect(server.getConfiguration().getPort(), "", "")) {
				List<Object[]> replies = new CopyOnWriteArrayList<>();
				client.socket().emit("echo", new Object[] { "hello" }, (Ack) replies::add);
				await().atMost(TIMEOUT).until(() -> replies.size() == 1);
				assertThat(replies.get(0)).satisfiesExactly((text) -> assertThat(text).isEqualTo("hello"),
						(thread) -> assertThat(thread).asString().startsWith("socketio-loop-"));
			}
		}
		finally {
			server.stop();
			loops.destroy();
		}
	}

	/** NIO says so with a {@code BindException}, the native transports with Linux's error number. */
	@ParameterizedTest
	@EnumSource(NodeTransport.class)
	void aPortInUseIsSaidToBe(NodeTransport transport) throws IOException {
		assumeThat(NodeTransportTests.runsHere(transport)).as("%s runs here", transport).isTrue();
		SocketIoEventLoops loops = new SocketIoEventLoops(1, transport);
		try (ServerSocket taken = new ServerSocket()) {
			taken.bind(new InetSocketAddress("127.0.0.1", 0));
			SocketIoServerLifecycle lifecycle = new SocketIoServerLifecycle(
					new SharedLoopsSocketIOServer(configuration(taken.getLocalPort()), loops), (event) -> {
					}, true);
			assertThatExceptionOfType(SocketIoServerStartException.class).isThrownBy(lifecycle::start)
				.withMessageContaining("already in use");
		}
		finally {
			loops.destroy();
		}
	}

	private static Configuration configuration(int port) {
		Configuration configuration = new Configuration();
		configuration.setHostname("127.0.0.1");
		configuration.setPort(port);
		return configuration;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
