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

	/**
	 * On io_uring a client's bytes land in buffers of the loop's ring, of 1 to 64 KiB each: a message of a megabyte
	 * spans many of them and must reach the handler whole.
	 */
	@ParameterizedTest
	@EnumSource(NodeTransport.class)
	void aLargeMessageFromAClientArrivesWhole(NodeTransport transport) throws IOException {
		assumeThat(NodeTransportTests.runsHere(transport)).as("%s runs here", transport).isTrue();
		SocketIoEventLoops loops = new SocketIoEventLoops(1, transport);
		Configuration configuration = configuration(freePort());
		configuration.setMaxFramePayloadLength(2 * 1024 * 1024); // netty-socketio's default closes at 64 KiB
		configuration.setMaxHttpContentLength(2 * 1024 * 1024);
		SharedLoopsSocketIOServer server = new SharedLoopsSocketIOServer(configuration, loops);
		List<String> received = new CopyOnWriteArrayList<>();
		server.addEventListener("upload", String.class, (client, text, ack) -> received.add(text));
		String large = "0123456789abcdef".repeat(64 * 1024);
		try {
			server.start();
			try (SocketIoTestClient client = SocketIoTestClient.connect(server.getConfiguration().getPort(), "", "")) {
				client.socket().emit("upload", large);
				await().atMost(TIMEOUT).until(() -> received.size() == 1);
				assertThat(received.get(0)).isEqualTo(large);
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
