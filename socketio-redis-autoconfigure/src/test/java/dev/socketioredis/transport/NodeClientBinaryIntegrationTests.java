package dev.socketioredis.transport;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import dev.socketioredis.test.ClusterNode;
import dev.socketioredis.test.NodePeer;
import dev.socketioredis.test.NodePeer.Binary;
import dev.socketioredis.test.NodePeer.Client;
import dev.socketioredis.test.NodePeer.Connection;
import dev.socketioredis.test.RedisTestServer;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.assertj.core.api.ThrowingConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Binary broadcasts reach Node.js clients of a Java node intact: {@code socket.io-client} 2.5.0 (Engine.IO v3) over
 * websocket (binary frames) and over polling (in Node it asks for {@code b64=1}: attachments base64-encoded in the v3
 * text payload), and {@code socket.io-client} 4.8 (Engine.IO v4) over polling (attachments base64-encoded in the v4
 * payload). The clients run in the Node peer ({@code src/test/node}) and are connected to Java node A, in room
 * {@code bin}; the broadcasts come from node B through Redis, or from node A itself.
 *
 * <p>
 * Each check also proves "once" and "the connection survived": after the broadcast the same node broadcasts a numbered
 * {@code after} to the room, and a parse error would have made the client disconnect.
 */
class NodeClientBinaryIntegrationTests {

	private static final byte[] BYTES = { 1, 2, 3, (byte) 255 };

	private static final String HEX = HexFormat.of().formatHex(BYTES);

	@RegisterExtension
	static RedisTestServer redis = new RedisTestServer();

	static final AtomicInteger barriers = new AtomicInteger();

	static ClusterNode nodeA;

	static ClusterNode nodeB;

	static NodePeer nodePeer;

	/** Node client name → how it connects to node A. */
	static final Map<String, Client> clients = new LinkedHashMap<>();

	/** Node client name → its connection. */
	static final Map<String, Connection> connections = new LinkedHashMap<>();

	@BeforeAll
	static void startCluster() {
		nodeA = ClusterNode.start(redis);
		nodeB = ClusterNode.start(redis);
		nodePeer = NodePeer.start(redis);
		clients.put("v2-websocket", Client.v2().to(nodeA.port()).transport("websocket").rooms("bin"));
		clients.put("v2-polling", Client.v2().to(nodeA.port()).transport("polling").rooms("bin"));
		clients.put("v4-polling", Client.v4().to(nodeA.port()).transport("polling").rooms("bin"));
		clients.forEach((name, how) -> connections.put(name, nodePeer.connectClient(name, how)));
	}

	@AfterAll
	static void stopCluster() {
		if (nodePeer != null) {
			nodePeer.close();
		}
		// side by side: each node takes seconds to shut down
		Stream.of(nodeA, nodeB).filter(Objects::nonNull).parallel().forEach(ClusterNode::close);
	}

	@Test
	void clientsSpeakTheirEngineIoVersionOverTheirOnlyTransport() {
		assertThat(connections).hasEntrySatisfying("v2-websocket", (connection) -> {
			assertThat(connection.engineIo()).isEqualTo(3);
			assertThat(connection.transport()).isEqualTo("websocket");
		}).hasEntrySatisfying("v2-polling", (connection) -> {
			assertThat(connection.engineIo()).isEqualTo(3);
			assertThat(connection.transport()).isEqualTo("polling");
		}).hasEntrySatisfying("v4-polling", (connection) -> {
			assertThat(connection.engineIo()).isEqualTo(4);
			assertThat(connection.transport()).isEqualTo("polling");
		});
	}

	@Test
	void binaryBroadcastFromAnotherJavaNodeArrivesIntact() {
		nodeB.cluster().to("bin").emit("bytes", BYTES, "text").join();
		after(nodeB);

		assertEveryClientReceivedOnce("bytes", (args) -> {
			assertThat(args).hasSize(2);
			assertThat(hex(args.get(0))).isEqualTo(HEX);
			assertThat(args.get(1)).isEqualTo("text");
		});
	}

	@Test
	void binaryBroadcastFromTheirOwnJavaNodeArrivesIntact() {
		nodeA.cluster().to("bin").emit("local-bytes", "text", BYTES).join();
		after(nodeA);

		assertEveryClientReceivedOnce("local-bytes", (args) -> {
			assertThat(args).hasSize(2);
			assertThat(args.get(0)).isEqualTo("text");
			assertThat(hex(args.get(1))).isEqualTo(HEX);
		});
	}

	@Test
	void nestedBinaryFromTheJavaEmitterArrivesIntact() {
		byte[] other = { (byte) 0xca, (byte) 0xfe };
		nodeB.emitter().to("bin").emit("nested", Map.of("data", BYTES), List.of(other)).join();
		after(nodeB);

		assertEveryClientReceivedOnce("nested", (args) -> {
			assertThat(args).hasSize(2);
			assertThat(args.get(0)).isInstanceOf(Map.class);
			assertThat(hex(((Map<?, ?>) args.get(0)).get("data"))).isEqualTo(HEX);
			assertThat(args.get(1)).asInstanceOf(InstanceOfAssertFactories.LIST).hasSize(1);
			assertThat(hex(((List<?>) args.get(1)).get(0))).isEqualTo("cafe");
		});
	}

	/** Broadcasts the next {@code after} to the room from {@code node}, and waits until every client has it. */
	private static void after(ClusterNode node) {
		int barrier = barriers.incrementAndGet();
		node.cluster().to("bin").emit("after", barrier).join();
		for (String client : clients.keySet()) {
			assertThat(nodePeer.awaitEvents(client, "after", barrier)).as("'after' events of %s", client)
				.last()
				.isEqualTo(List.of(barrier));
		}
	}

	/** The bytes of a binary value a Node client received, in hex, whatever JS type it arrived as. */
	private static String hex(Object value) {
		assertThat(value).isInstanceOf(Binary.class);
		return ((Binary) value).hex();
	}

	/** Every client received {@code event} once, with {@code arguments} as expected, and is still connected. */
	private static void assertEveryClientReceivedOnce(String event, ThrowingConsumer<List<Object>> arguments) {
		for (String client : clients.keySet()) {
			assertThat(nodePeer.events(client, event)).as("'%s' events of %s", event, client)
				.singleElement()
				.satisfies(arguments);
			assertThat(nodePeer.events(client, "disconnect")).as("disconnections of %s", client).isEmpty();
		}
	}

}
