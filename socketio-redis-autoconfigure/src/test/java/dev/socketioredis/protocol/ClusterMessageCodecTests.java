package dev.socketioredis.protocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socketioredis.test.NodeVectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link ClusterMessageCodec} against the requests and responses captured from Node servers and emitters.
 */
class ClusterMessageCodecTests {

	private static final HexFormat HEX = HexFormat.of();

	private final ClusterMessageCodec codec = new ClusterMessageCodec();

	static Stream<Arguments> requestAndResponseVectors() throws Exception {
		List<Arguments> vectors = new ArrayList<>();
		for (JsonNode vector : NodeVectors.all()) {
			String channel = vector.get("channel").asText();
			if (channel.contains("-request#") || channel.contains("-response#")) {
				vectors.add(Arguments.of(vector.get("id").asText(), vector));
			}
		}
		return vectors.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("requestAndResponseVectors")
	void decodesEveryCapturedRequestAndResponse(String id, JsonNode vector) throws Exception {
		ClusterMessage message = this.codec.decode(HEX.parseHex(vector.get("hex").asText()));
		List<String> expectedFields = new ArrayList<>();
		vector.get("decoded").fieldNames().forEachRemaining(expectedFields::add);
		assertThat(message.fields().keySet()).containsExactlyElementsOf(expectedFields);
		if (vector.get("decoded").has("type")) {
			assertThat(message.type()).map(RequestType::code).contains(vector.get("decoded").get("type").asInt());
		}
	}

	@Test
	void jsonRequestsAreWrittenWithNodesBytes() throws Exception {
		BroadcastOptions all = BroadcastOptions.wholeNamespace(BroadcastOptions.Layout.ADAPTER);
		assertJson("classic-fetchSockets-request", ClusterMessage.builder()
			.put("uid", "owZ7mU")
			.put("requestId", "NdEOUF")
			.type(RequestType.REMOTE_FETCH)
			.options(all)
			.build());
		assertJson("classic-allRooms-request",
				ClusterMessage.builder().put("uid", "owZ7mU").put("requestId", "RMKal4").type(RequestType.ALL_ROOMS).build());
		assertJson("classic-socketsJoin", ClusterMessage.builder()
			.put("uid", "owZ7mU")
			.type(RequestType.REMOTE_JOIN)
			.options(all.to("room1"))
			.put("rooms", List.of("room9"))
			.build());
		assertJson("classic-disconnectSockets", ClusterMessage.builder()
			.put("uid", "owZ7mU")
			.type(RequestType.REMOTE_DISCONNECT)
			.options(all)
			.put("close", false)
			.build());
		assertJson("classic-serverSideEmit", ClusterMessage.builder()
			.put("uid", "owZ7mU")
			.type(RequestType.SERVER_SIDE_EMIT)
			.put("data", List.of("ping-srv", 1, "two"))
			.build());
		assertJson("classic-serverSideEmitWithAck-response", ClusterMessage.builder()
			.type(RequestType.SERVER_SIDE_EMIT)
			.put("requestId", "I6rtSE")
			.put("data", "pong-from-B")
			.build());
		assertJson("classic-broadcast-client-count", ClusterMessage.builder()
			.type(RequestType.BROADCAST_CLIENT_COUNT)
			.put("requestId", "xLRT0J")
			.put("clientCount", 1)
			.build());
		assertJson("classic-allRooms-response", ClusterMessage.builder()
			.put("requestId", "RMKal4")
			.put("rooms", List.of("vtUBdleZ4vTAcpuoAAAA", "room1", "room2", "room7"))
			.build());
	}

	@Test
	void msgpackBroadcastRequestAndAckAreWrittenWithNodesBytes() throws Exception {
		BroadcastOptions options = BroadcastOptions.wholeNamespace(BroadcastOptions.Layout.ADAPTER)
			.withFlag("timeout", 1000);
		ClusterMessage request = ClusterMessage.builder()
			.put("uid", "owZ7mU")
			.put("requestId", "xLRT0J")
			.type(RequestType.BROADCAST)
			.put("packet", BroadcastPacket.event("/", "ackme", List.of("q")))
			.optionsWithFlags(options)
			.build();
		assertThat(HEX.formatHex(this.codec.encodeMsgpack(request))).isEqualTo(hex("classic-broadcast-ack-request"));
		ClusterMessage ack = ClusterMessage.builder()
			.type(RequestType.BROADCAST_ACK)
			.put("requestId", "xLRT0J")
			.put("packet", "ack-from-cB")
			.build();
		assertThat(HEX.formatHex(this.codec.encodeMsgpack(ack))).isEqualTo(hex("classic-broadcast-ack"));
	}

	@Test
	void readsTheOptionsAndPacketOfABroadcastRequest() throws Exception {
		ClusterMessage request = this.codec.decode(HEX.parseHex(hex("classic-broadcast-ack-request")));
		assertThat(request.options().flags()).containsEntry("timeout", 1000);
		assertThat(BroadcastPacket.read(request.get("packet")).data()).containsExactly("ackme", "q");
	}

	@Test
	void writesBinaryInJsonAsNodeBuffers() {
		byte[] json = this.codec.encodeJson(ClusterMessage.builder().put("data", new byte[] { 1, (byte) 255 }).build());
		assertThat(new String(json, StandardCharsets.UTF_8)).isEqualTo("{\"data\":{\"type\":\"Buffer\",\"data\":[1,255]}}");
	}

	@Test
	void rejectsWhatIsNotAMessage() {
		for (String text : List.of("", "{", " {\"type\":1}", "[1,2]", "{\"type\":\"x\"}")) {
			assertThatExceptionOfType(MalformedMessageException.class).as(text).isThrownBy(() -> {
				ClusterMessage message = this.codec.decode(text.getBytes(StandardCharsets.UTF_8));
				message.type();
			});
		}
		assertThat(RequestType.of(42)).isEmpty();
	}

	@Test
	void refusesRequestsNestedDeeperThanClientsCanBeWritten() throws Exception {
		assertThat(this.codec.decode(serverSideEmitNested(200).getBytes(StandardCharsets.UTF_8)).list("data"))
			.hasSize(1);
		for (int depth : List.of(300, 100_000)) {
			assertThatExceptionOfType(MalformedMessageException.class).as("depth %d", depth)
				.isThrownBy(() -> this.codec.decode(serverSideEmitNested(depth).getBytes(StandardCharsets.UTF_8)))
				.withMessageContaining("nesting depth");
			byte[] msgpack = new byte[depth + 1]; // [[[...]]] then 1
			Arrays.fill(msgpack, (byte) 0x91);
			msgpack[depth] = 1;
			assertThatExceptionOfType(MalformedMessageException.class).as("msgpack depth %d", depth)
				.isThrownBy(() -> this.codec.decode(msgpack))
				.withMessageContaining("nesting depth");
		}
	}

	/** A SERVER_SIDE_EMIT request whose data is {@code depth} arrays deep. */
	private static String serverSideEmitNested(int depth) {
		return "{\"uid\":\"abc\",\"type\":6,\"data\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
	}

	private void assertJson(String id, ClusterMessage message) throws Exception {
		assertThat(new String(this.codec.encodeJson(message), StandardCharsets.UTF_8))
			.isEqualTo(new String(HEX.parseHex(hex(id)), StandardCharsets.UTF_8));
	}

	private static String hex(String id) {
		return NodeVectors.hex(id);
	}

}
