package dev.socketioredis.protocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socketioredis.protocol.ClusterAdapterMessage.Broadcast;
import dev.socketioredis.protocol.ClusterAdapterMessage.FetchSocketsResponse;
import dev.socketioredis.protocol.ClusterAdapterMessage.Heartbeat;
import dev.socketioredis.protocol.ClusterAdapterMessage.InitialHeartbeat;
import dev.socketioredis.test.NodeVectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link ClusterAdapterCodec} against the messages the sharded Redis adapter ({@code socket.io-adapter} 2.5's
 * {@code ClusterAdapter} format) published from Node servers: every one is read into its type, and written back with
 * the same bytes.
 */
class ClusterAdapterCodecTests {

	private static final HexFormat HEX = HexFormat.of();

	/** What each captured message is read as. */
	private static final Map<String, String> EXPECTED_TYPES = Map.ofEntries(Map.entry("sharded-emit-all", "Broadcast"),
			Map.entry("sharded-emit-one-room", "Broadcast"), Map.entry("sharded-emit-socket-id-dynamic", "Broadcast"),
			Map.entry("sharded-emit-socket-id-dynamic-private", "Broadcast"),
			Map.entry("sharded-emit-binary", "Broadcast"), Map.entry("sharded-fetchSockets-request", "FetchSockets"),
			Map.entry("sharded-fetchSockets-response", "FetchSocketsResponse"),
			Map.entry("sharded-broadcast-ack-request", "Broadcast"),
			Map.entry("sharded-broadcast-client-count", "BroadcastClientCount"),
			Map.entry("sharded-broadcast-ack", "BroadcastAck"), Map.entry("sharded-serverSideEmit", "ServerSideEmit"),
			Map.entry("sharded-serverSideEmit-response", "ServerSideEmitResponse"),
			Map.entry("sharded-socketsJoin", "SocketsJoin"), Map.entry("sharded-disconnectSockets", "DisconnectSockets"));

	private final ClusterAdapterCodec codec = new ClusterAdapterCodec();

	static Stream<Arguments> shardedVectors() throws Exception {
		List<Arguments> vectors = new ArrayList<>();
		for (JsonNode vector : NodeVectors.all()) {
			if (vector.get("id").asText().startsWith("sharded-")) {
				vectors.add(Arguments.of(vector.get("id").asText(), vector));
			}
		}
		return vectors.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("shardedVectors")
	void readsEveryCapturedMessageAndWritesItBackAsNodeDid(String id, JsonNode vector) throws Exception {
		byte[] captured = HEX.parseHex(vector.get("hex").asText());
		ClusterAdapterMessage message = this.codec.decode(captured).orElseThrow();
		assertThat(message.getClass().getSimpleName()).isEqualTo(EXPECTED_TYPES.get(id));
		assertThat(message.nsp()).isEqualTo("/");
		assertThat(HEX.formatHex(this.codec.encode(message))).isEqualTo(HEX.formatHex(captured));
	}

	static Stream<Arguments> capturedInEachSubscriptionMode() {
		return NodeVectors.sharded()
			.stream()
			.map((vector) -> Arguments.of(vector.get("id").asText(), vector.get("hex").asText()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("capturedInEachSubscriptionMode")
	void readsWhatTheShardedAdapterPublishesInEachModeAndWritesItBackAsNodeDid(String id, String hex)
			throws Exception {
		ClusterAdapterMessage message = this.codec.decode(HEX.parseHex(hex)).orElseThrow();
		assertThat(HEX.formatHex(this.codec.encode(message))).isEqualTo(hex);
	}

	@Test
	void theCaptureCoversEveryTypeButHeartbeatsAndClose() throws Exception {
		List<String> types = new ArrayList<>();
		for (JsonNode vector : NodeVectors.sharded()) {
			types.add(this.codec.decode(HEX.parseHex(vector.get("hex").asText())).orElseThrow().getClass().getSimpleName());
		}
		// the sharded adapter extends ClusterAdapter, not ClusterAdapterWithHeartbeat: it sends no types 1, 2 and 13
		assertThat(types).contains("Broadcast", "SocketsJoin", "SocketsLeave", "DisconnectSockets", "FetchSockets",
				"FetchSocketsResponse", "ServerSideEmit", "ServerSideEmitResponse", "BroadcastClientCount",
				"BroadcastAck");
	}

	@Test
	void aBroadcastCarriesTheMessagesNamespaceAndItsAcknowledgementRequest() throws Exception {
		Broadcast broadcast = (Broadcast) this.codec.decode(HEX.parseHex(NodeVectors.hex("sharded-broadcast-ack-request")))
			.orElseThrow();
		assertThat(broadcast.packet().event()).isEqualTo("ackme");
		assertThat(broadcast.packet().nsp()).isEqualTo("/");
		assertThat(broadcast.requestId()).isEqualTo("e38cf6e8a38ee928");
		assertThat(broadcast.options().ackTimeout()).hasValueSatisfying((timeout) -> assertThat(timeout).hasMillis(1000));
	}

	@Test
	void aBroadcastWithBinaryIsMsgpackAndOneWithoutIsJson() {
		BroadcastOptions all = BroadcastOptions.wholeNamespace(BroadcastOptions.Layout.ADAPTER);
		byte[] text = this.codec.encode(new Broadcast("u", "/", BroadcastPacket.event("/", "e", List.of(1)), all, null));
		byte[] binary = this.codec
			.encode(new Broadcast("u", "/", BroadcastPacket.event("/", "e", List.of(new byte[] { 1 })), all, null));
		assertThat(text[0]).isEqualTo((byte) '{');
		assertThat(binary[0]).isNotEqualTo((byte) '{');
	}

	@Test
	void heartbeatsAndCloseCarryNoData() throws Exception {
		assertThat(new String(this.codec.encode(new InitialHeartbeat("u1", "/admin")), StandardCharsets.UTF_8))
			.isEqualTo("{\"type\":1,\"uid\":\"u1\",\"nsp\":\"/admin\"}");
		assertThat(this.codec.decode("{\"type\":2,\"uid\":\"u2\",\"nsp\":\"/\"}".getBytes(StandardCharsets.UTF_8)))
			.contains(new Heartbeat("u2", "/"));
	}

	@Test
	void aFetchAnswerDescribesEverySocket() throws Exception {
		FetchSocketsResponse response = (FetchSocketsResponse) this.codec
			.decode(HEX.parseHex(NodeVectors.hex("sharded-fetchSockets-response")))
			.orElseThrow();
		assertThat(response.sockets()).isNotEmpty().allSatisfy((socket) -> {
			assertThat(socket.rooms()).contains(socket.id());
			assertThat(socket.handshake()).containsKeys("headers", "time", "address", "query");
		});
	}

	@Test
	void aTypeOfALaterVersionIsNoMessageAndGarbageIsRefused() throws Exception {
		assertThat(this.codec.decode("{\"type\":99,\"uid\":\"u\",\"nsp\":\"/\",\"data\":{}}"
			.getBytes(StandardCharsets.UTF_8))).isEmpty();
		for (String text : List.of("", "[1]", "{\"type\":3,\"uid\":\"u\",\"nsp\":\"/\"}",
				"{\"type\":7,\"uid\":\"u\",\"nsp\":\"/\",\"data\":{\"opts\":{}}}", "{\"uid\":\"u\",\"nsp\":\"/\"}")) {
			assertThatExceptionOfType(MalformedMessageException.class).as(text)
				.isThrownBy(() -> this.codec.decode(text.getBytes(StandardCharsets.UTF_8)));
		}
	}

}
