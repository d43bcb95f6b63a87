package dev.socketioredis.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.socketioredis.test.NodeVectors;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link BroadcastCodec} against the messages captured from Node servers and emitters
 * ({@code node-adapter-vectors.json}).
 */
class BroadcastCodecTests {

	private static final HexFormat HEX = HexFormat.of();

	private final BroadcastCodec codec = new BroadcastCodec();

	static Stream<Arguments> broadcastVectors() {
		List<Arguments> vectors = new ArrayList<>();
		for (JsonNode vector : NodeVectors.all()) {
			if (vector.get("encoding").asText().equals("msgpack") && vector.get("decoded").isArray()) {
				vectors.add(Arguments.of(vector.get("id").asText(), vector));
			}
		}
		return vectors.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("broadcastVectors")
	void decodesEveryBroadcastVectorAndEncodesItBackToTheSameBytes(String id, JsonNode vector) throws Exception {
		byte[] captured = HEX.parseHex(vector.get("hex").asText());
		BroadcastMessage message = this.codec.decode(captured);
		JsonNode decoded = vector.get("decoded");
		assertThat(message.uid()).isEqualTo(decoded.get(0).asText());
		assertThat(message.packet().data()).hasSize(decoded.get(1).get("data").size());
		assertThat(message.packet().event()).isEqualTo(decoded.get(1).get("data").get(0).asText());
		assertThat(message.options().rooms()).extracting(Room::name)
			.containsExactlyElementsOf(texts(decoded.get(2).get("rooms")));
		assertThat(HEX.formatHex(this.codec.encode(message))).isEqualTo(vector.get("hex").asText());
	}

	@Test
	void broadcastVectorsCoverEveryKind() {
		assertThat(broadcastVectors()).hasSizeGreaterThanOrEqualTo(20);
	}

	@Test
	void keepsTheWireTypesOfArguments() throws Exception {
		BroadcastMessage binary = decode("classic-emit-binary");
		assertThat(binary.packet().args().get(0)).isEqualTo(new byte[] { 1, 2, 3, (byte) 0xff });
		assertThat(binary.packet().args().get(1)).asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsOnlyKeys("nested")
			.extractingByKey("nested")
			.isEqualTo("hi".getBytes());

		BroadcastMessage flags = decode("classic-emit-flags");
		assertThat(flags.packet().args()).containsExactly(2.5);
		assertThat(flags.options().isVolatile()).isTrue();
		assertThat(flags.options().flags()).containsEntry("compress", false);

		BroadcastMessage date = decode("classic-emit-date");
		assertThat(date.packet().args().get(0)).isEqualTo(new Date(1700000000123L));
		assertThat(date.packet().args().get(1)).isEqualTo(Map.of("big", 9007199254740994L));

		BroadcastMessage direct = decode("classic-emit-to-socket-id");
		assertThat(direct.packet().args()).containsExactly(true, null);
	}

	@Test
	void readsNumericRoomsAsTheirStringForm() throws Exception {
		BroadcastMessage message = decode("classic-emit-numeric-room");
		assertThat(message.options().rooms()).containsExactly(new Room("42", true));
	}

	@Test
	void takesAMissingExceptAsNone() throws Exception {
		BroadcastMessage message = decode("legacy5-emit-all");
		assertThat(message.options().except()).isEmpty();
		assertThat(message.options().layout()).isEqualTo(BroadcastOptions.Layout.LEGACY_WITHOUT_EXCEPT);
	}

	@Test
	void treatsTheBinaryEventOfSocketIo2AsAnEvent() throws Exception {
		BroadcastMessage message = decode("legacy5-emit-binary");
		assertThat(message.packet().type()).isEqualTo(BroadcastPacket.BINARY_EVENT);
		assertThat(message.packet().isEvent()).isTrue();
	}

	@Test
	void emitterLayoutWritesFlagsBeforeExcept() {
		BroadcastMessage message = new BroadcastMessage(BroadcastMessage.EMITTER_UID,
				BroadcastPacket.event("/", "e-multi", List.of(1)),
				new BroadcastOptions(List.of(Room.of("room1"), Room.of("room2")), List.of(Room.of("room3")), Map.of(),
						BroadcastOptions.Layout.EMITTER));
		assertThat(HEX.formatHex(this.codec.encode(message))).isEqualTo(NodeVectors.hex("emitter-emit-rooms-except"));
	}

	@Test
	void writesIntegralDoublesAsIntegersAsJavaScriptDoes() throws Exception {
		BroadcastMessage message = new BroadcastMessage("owZ7mU", BroadcastPacket.event("/", "hello", List.of("world", 1.0)),
				new BroadcastOptions(List.of(), List.of(), Map.of(), BroadcastOptions.Layout.ADAPTER));
		assertThat(HEX.formatHex(this.codec.encode(message))).isEqualTo(NodeVectors.hex("classic-emit-all"));
	}

	@Test
	void writesJavaTimeValuesAsIsoStrings() throws Exception {
		BroadcastMessage message = new BroadcastMessage("abcdef",
				BroadcastPacket.event("/", "at", List.of(java.time.Instant.parse("2026-11-22T10:15:30Z"))),
				new BroadcastOptions(List.of(), List.of(), Map.of(), BroadcastOptions.Layout.ADAPTER));
		assertThat(this.codec.decode(this.codec.encode(message)).packet().args())
			.containsExactly("2026-11-22T10:15:30Z");
	}

	@Test
	void rejectsArgumentsThatCannotBeWritten() {
		BroadcastMessage message = new BroadcastMessage("abcdef",
				BroadcastPacket.event("/", "bad", List.of(new Object())),
				new BroadcastOptions(List.of(), List.of(), Map.of(), BroadcastOptions.Layout.ADAPTER));
		assertThatExceptionOfType(MessageEncodingException.class).isThrownBy(() -> this.codec.encode(message))
			.withMessageContaining("'bad'");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("broadcastVectors")
	void tellsItsOwnBroadcastsFromTheUidAlone(String id, JsonNode vector) {
		byte[] captured = HEX.parseHex(vector.get("hex").asText());
		String uid = vector.get("decoded").get(0).asText();
		assertThat(this.codec.isPublishedBy(captured, utf8(uid))).isTrue();
		assertThat(this.codec.isPublishedBy(captured, utf8(uid + "x"))).isFalse();
		assertThat(this.codec.isPublishedBy(captured, utf8(uid.substring(1)))).isFalse();
		assertThat(this.codec.isPublishedBy(captured, utf8("another"))).isFalse();
	}

	@Test
	void readsTheUidBehindEveryArrayAndStringHeader() {
		String uid = "u".repeat(40); // longer than a fixstr holds
		byte[] str8 = HEX.parseHex("93d928" + HEX.formatHex(utf8(uid)) + "c0c0");
		byte[] array16 = HEX.parseHex("dc0003d928" + HEX.formatHex(utf8(uid)) + "c0c0");
		byte[] array32str16 = HEX.parseHex("dd00000003da0028" + HEX.formatHex(utf8(uid)) + "c0c0");
		for (byte[] message : List.of(str8, array16, array32str16)) {
			assertThat(this.codec.isPublishedBy(message, utf8(uid))).as(HEX.formatHex(message)).isTrue();
		}
	}

	@Test
	void neverTakesAnUnreadableMessageForItsOwn() {
		List<String> unreadable = List.of("", "93", "93a3", "93a361", "83a161a162", "dc00", "93d9", "93da00", "7b7d");
		for (String hex : unreadable) {
			assertThat(this.codec.isPublishedBy(HEX.parseHex(hex), utf8("abc"))).as(hex).isFalse();
		}
	}

	@Test
	void readsOptionsInOnePassAsTheMapperReadsThem() throws Exception {
		ObjectMapper mapper = MsgpackMapper.create();
		Map<String, Object> flags = new LinkedHashMap<>();
		flags.put("volatile", true);
		flags.put("timeout", 5000);
		flags.put("at", 1L << 40);
		flags.put("nothing", null);
		flags.put("name", "x");
		List<Map<String, Object>> options = new ArrayList<>();
		options.add(orderedMap("rooms", List.of("a", 42, -7), "except", List.of("b"), "flags", flags));
		options.add(orderedMap("rooms", List.of(), "flags", orderedMap("timeout", 5000, "n", -1), "except", List.of()));
		options.add(orderedMap("except", List.of(1L << 40), "rooms", List.of("r"), "flags", Map.of("compress", false)));
		options.add(orderedMap("rooms", List.of("r"), "flags", Map.of()));
		options.add(orderedMap("extra", List.of(1, 2), "rooms", List.of()));
		options.add(orderedMap("rooms", null, "except", null, "flags", null));
		// integers from 2^32 up are uint64 in msgpack, and other flags than single values: read by the mapper
		options.add(orderedMap("rooms", List.of(Long.MAX_VALUE), "flags", Map.of("ratio", 2.5, "nested", Map.of())));
		options.add(orderedMap());
		for (Map<String, Object> opts : options) {
			Map<String, Object> packet = orderedMap("type", 2, "data", List.of("e", 1), "nsp", "/");
			byte[] message = mapper.writeValueAsBytes(Arrays.asList("abcdef", packet, opts));
			Object optionsAsTheMapperReadsThem = mapper.readValue(mapper.writeValueAsBytes(opts), Object.class);
			assertThat(this.codec.decode(message).options()).as(opts.toString())
				.isEqualTo(BroadcastOptions.read(optionsAsTheMapperReadsThem));
		}
	}

	private static Map<String, Object> orderedMap(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

	@Test
	void rejectsMalformedInputWithATypedException() {
		List<String> malformed = List.of("", "c1", "93", "92a16180", "93a161a16280", "93a16181a474797065a178a180",
				"93a16183a47479706502a46461746190a36e7370a12f80", "93a16183a47479706502a4646174619101a36e7370a12f80",
				"7b7d", "93a16183a47479706502a46461746191a178a36e7370a12f81a5726f6f6d7391c3");
		for (String hex : malformed) {
			assertThatExceptionOfType(MalformedMessageException.class).as(hex)
				.isThrownBy(() -> this.codec.decode(HEX.parseHex(hex)));
		}
	}

	@Test
	void refusesDataNestedDeeperThanClientsCanBeWritten() throws Exception {
		assertThat(this.codec.decode(broadcastWithDataNested(200)).packet().args()).hasSize(1);
		for (int depth : List.of(300, 1_000, 100_000)) {
			assertThatExceptionOfType(MalformedMessageException.class).as("depth %d", depth)
				.isThrownBy(() -> this.codec.decode(broadcastWithDataNested(depth)))
				.withMessageContaining("nesting depth");
		}
	}

	/** {@code ["abcdef", {type: 2, data: ["e", [[[...1]]]], nsp: "/"}, {}]}, the argument {@code depth} arrays deep. */
	private static byte[] broadcastWithDataNested(int depth) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(0x93);
		writeString(out, "abcdef");
		out.write(0x83);
		writeString(out, "type");
		out.write(2);
		writeString(out, "data");
		out.write(0x92);
		writeString(out, "e");
		for (int level = 0; level < depth; level++) {
			out.write(0x91);
		}
		out.write(1);
		writeString(out, "nsp");
		writeString(out, "/");
		out.write(0x80);
		return out.toByteArray();
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static void writeString(ByteArrayOutputStream out, String text) {
		out.write(0xa0 | text.length());
		out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
	}

	private BroadcastMessage decode(String id) throws Exception {
		return this.codec.decode(HEX.parseHex(NodeVectors.hex(id)));
	}

	private static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.forEach((node) -> texts.add(node.asText()));
		return texts;
	}

}
