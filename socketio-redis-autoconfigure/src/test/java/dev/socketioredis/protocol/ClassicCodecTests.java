package dev.socketioredis.protocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Arrays;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 * {@link ClassicCodec} against the requests and responses captured from Node servers and emitters: every one is
 * read into its type, and written back with the same bytes.
 */
class ClassicCodecTests {

	private static final HexFormat HEX = HexFormat.of();

	private final ClassicCodec codec = new ClassicCodec();

	static Stream<Arguments> requestAndResponseVectors() throws Exception {
		List<Arguments> vectors = new ArrayList<>();
		for (JsonNode vector : NodeVectors.all()) {
			String channel = vector.get("channel").asText();
			if ((channel.contains("-request#") || channel.contains("-response#"))
					&& !vector.get("id").asText().startsWith("legacy5")) {
				vectors.add(Arguments.of(vector.get("id").asText(), vector));
			}
		}
		return vectors.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("requestAndResponseVectors")
	void readsEveryCapturedRequestAndResponseAndWritesItBackAsNodeDid(String id, JsonNode vector) throws Exception {
		byte[] captured = HEX.parseHex(vector.get("hex").asText());
		byte[] written;
		if (vector.get("channel").asText().contains("-request#")) {
			ClassicRequest request = this.codec.decodeRequest(captured).orElseThrow();
			assertThat(request.getClass().getSimpleName()).isEqualTo(EXPECTED_TYPES.get(id));
			written = this.codec.encode(request);
		}
		else {
			ClassicResponse response = this.codec.decodeResponse(captured);
			assertThat(response.getClass().getSimpleName()).isEqualTo(EXPECTED_TYPES.get(id));
			written = this.codec.encode(response);
		}
		assertThat(HEX.formatHex(written)).isEqualTo(HEX.formatHex(captured));
	}

	@Test
	void theClientsRequestOfSocketIoRedis5IsUnreadable() {
		// it spells the request id "requestid", and wants "clients" back: it is dropped, as it always was
		assertThatExceptionOfType(MalformedMessageException.class)
			.isThrownBy(() -> this.codec.decodeRequest(HEX.parseHex(hex("legacy5-clients-request"))))
			.withMessageContaining("requestId");
	}

	/** What each captured message is read as. */
	private static final Map<String, String> EXPECTED_TYPES = Map.ofEntries(
			Map.entry("emitter-socketsJoin", "SocketsJoin"), Map.entry("emitter-socketsLeave", "SocketsLeave"),
			Map.entry("emitter-disconnectSockets", "DisconnectSockets"),
			Map.entry("emitter-serverSideEmit", "ServerSideEmit"), Map.entry("classic-serverSideEmit", "ServerSideEmit"),
			Map.entry("classic-serverSideEmitWithAck-request", "ServerSideEmit"),
			Map.entry("classic-serverSideEmitWithAck-response", "ServerSideEmitAck"),
			Map.entry("classic-fetchSockets-request", "FetchSockets"),
			Map.entry("classic-fetchSockets-response", "Sockets"), Map.entry("classic-allRooms-request", "AllRooms"),
			Map.entry("classic-allRooms-response", "Rooms"), Map.entry("classic-socketsJoin", "SocketsJoin"),
			Map.entry("classic-remote-socket-join", "SocketsJoin"), Map.entry("classic-socketsLeave", "SocketsLeave"),
			Map.entry("classic-disconnectSockets", "DisconnectSockets"),
			Map.entry("classic-broadcast-ack-request", "BroadcastWithAck"),
			Map.entry("classic-broadcast-client-count", "ClientCount"),
			Map.entry("classic-broadcast-ack", "ClientAck"), Map.entry("specific-fetchSockets-response", "Sockets"));

	@Test
	void writesTheRequestsOfThisAdapterAsNodeDoes() throws Exception {
		BroadcastOptions all = BroadcastOptions.wholeNamespace(BroadcastOptions.Layout.ADAPTER);
		assertWritten("classic-fetchSockets-request", new ClassicRequest.FetchSockets("owZ7mU", "NdEOUF", all));
		assertWritten("classic-allRooms-request", new ClassicRequest.AllRooms("owZ7mU", "RMKal4"));
		assertWritten("classic-socketsJoin",
				new ClassicRequest.SocketsJoin("owZ7mU", all.to("room1"), List.of("room9"), null));
		assertWritten("classic-disconnectSockets", new ClassicRequest.DisconnectSockets("owZ7mU", all, false, null));
		assertWritten("classic-serverSideEmit",
				new ClassicRequest.ServerSideEmit("owZ7mU", null, List.of("ping-srv", 1, "two")));
		assertWritten("emitter-socketsJoin", new ClassicRequest.SocketsJoin(null,
				BroadcastOptions.wholeNamespace(BroadcastOptions.Layout.EMITTER).to("room1"), List.of("room5"), null));
		assertWritten("classic-broadcast-ack-request", new ClassicRequest.BroadcastWithAck("owZ7mU", "xLRT0J",
				BroadcastPacket.event("/", "ackme", List.of("q")), all.withAckTimeout(Duration.ofSeconds(1))));
	}

	@Test
	void writesTheResponsesOfThisAdapterAsNodeDoes() throws Exception {
		assertWritten("classic-serverSideEmitWithAck-response",
				new ClassicResponse.ServerSideEmitAck("I6rtSE", "pong-from-B"));
		assertWritten("classic-broadcast-client-count", new ClassicResponse.ClientCount("xLRT0J", 1));
		assertWritten("classic-broadcast-ack", new ClassicResponse.ClientAck("xLRT0J", "ack-from-cB"));
		assertWritten("classic-allRooms-response", new ClassicResponse.Rooms("RMKal4",
				Stream.of("vtUBdleZ4vTAcpuoAAAA", "room1", "room2", "room7").map(Room::of).toList()));
	}

	@Test
	void readsTheOptionsAndPacketOfABroadcastRequest() throws Exception {
		ClassicRequest.BroadcastWithAck request = (ClassicRequest.BroadcastWithAck) this.codec
			.decodeRequest(HEX.parseHex(hex("classic-broadcast-ack-request")))
			.orElseThrow();
		assertThat(request.options().ackTimeout()).contains(Duration.ofSeconds(1));
		assertThat(request.packet().data()).containsExactly("ackme", "q");
	}

	@Test
	void readsTheSidFormOfJoinsAsAJoinOfOneSocketThatWaitsForAnAnswer() throws Exception {
		ClassicRequest.SocketsJoin join = (ClassicRequest.SocketsJoin) this.codec
			.decodeRequest("{\"uid\":\"old\",\"requestId\":\"r1\",\"type\":2,\"sid\":\"s1\",\"room\":\"lobby\"}"
				.getBytes(StandardCharsets.UTF_8))
			.orElseThrow();
		assertThat(join.options().rooms()).containsExactly(Room.of("s1"));
		assertThat(join.rooms()).containsExactly("lobby");
		assertThat(join.requestId()).isEqualTo("r1");
		assertThat(new String(this.codec.encode(new ClassicResponse.Done("r1")), StandardCharsets.UTF_8))
			.isEqualTo("{\"requestId\":\"r1\"}");
	}

	@Test
	void writesBinaryInJsonAsNodeBuffers() {
		byte[] json = this.codec.encode(new ClassicRequest.ServerSideEmit("u", null, List.of("e", new byte[] { 1, (byte) 255 })));
		assertThat(new String(json, StandardCharsets.UTF_8))
			.isEqualTo("{\"uid\":\"u\",\"type\":6,\"data\":[\"e\",{\"type\":\"Buffer\",\"data\":[1,255]}]}");
	}

	@Test
	void rejectsWhatIsNotAMessage() {
		for (String text : List.of("", "{", " {\"type\":1}", "[1,2]", "{\"type\":\"x\"}", "{\"type\":5,\"uid\":1}")) {
			assertThatExceptionOfType(MalformedMessageException.class).as(text)
				.isThrownBy(() -> this.codec.decodeRequest(text.getBytes(StandardCharsets.UTF_8)));
		}
		assertThatExceptionOfType(MalformedMessageException.class)
			.isThrownBy(() -> this.codec.decodeResponse("{\"rooms\":[]}".getBytes(StandardCharsets.UTF_8)))
			.withMessageContaining("requestId");
	}

	@Test
	void aMessageOfNoKnownRequestTypeIsNoRequest() throws Exception {
		for (String text : List.of("{\"uid\":\"u\"}", "{\"type\":42}", "{\"type\":8,\"requestId\":\"r\",\"clientCount\":1}")) {
			assertThat(this.codec.decodeRequest(text.getBytes(StandardCharsets.UTF_8))).as(text).isEmpty();
		}
	}

	@Test
	void refusesRequestsNestedDeeperThanClientsCanBeWritten() throws Exception {
		assertThat(((ClassicRequest.ServerSideEmit) this.codec
			.decodeRequest(serverSideEmitNested(200).getBytes(StandardCharsets.UTF_8))
			.orElseThrow()).data()).hasSize(1);
		for (int depth : List.of(300, 100_000)) {
			assertThatExceptionOfType(MalformedMessageException.class).as("depth %d", depth)
				.isThrownBy(() -> this.codec.decodeRequest(serverSideEmitNested(depth).getBytes(StandardCharsets.UTF_8)))
				.withMessageContaining("nesting depth");
			byte[] msgpack = new byte[depth + 1]; // [[[...]]] then 1
			Arrays.fill(msgpack, (byte) 0x91);
			msgpack[depth] = 1;
			assertThatExceptionOfType(MalformedMessageException.class).as("msgpack depth %d", depth)
				.isThrownBy(() -> this.codec.decodeRequest(msgpack))
				.withMessageContaining("nesting depth");
		}
	}

	/** A SERVER_SIDE_EMIT request whose data is {@code depth} arrays deep. */
	private static String serverSideEmitNested(int depth) {
		return "{\"uid\":\"abc\",\"type\":6,\"data\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
	}

	private void assertWritten(String id, ClassicRequest request) {
		assertThat(HEX.formatHex(this.codec.encode(request))).isEqualTo(hex(id));
	}

	private void assertWritten(String id, ClassicResponse response) {
		assertThat(HEX.formatHex(this.codec.encode(response))).isEqualTo(hex(id));
	}

	private static String hex(String id) {
		return NodeVectors.hex(id);
	}

}
