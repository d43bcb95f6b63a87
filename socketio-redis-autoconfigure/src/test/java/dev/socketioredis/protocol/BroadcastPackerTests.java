package dev.socketioredis.protocol;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link BroadcastPacker} against the Jackson mapper it stands in for: the same bytes for every plain value, and
 * nothing for what it leaves to the mapper.
 */
class BroadcastPackerTests {

	private static final HexFormat HEX = HexFormat.of();

	private final BroadcastCodec codec = new BroadcastCodec();

	static Stream<Arguments> plainArguments() {
		List<Object> values = new ArrayList<>();
		values.addAll(List.of(0, 1, -1, 31, 32, -32, -33, 127, 128, -128, -129, 255, 256, 32767, 32768, -32768,
				-32769, 65535, 65536, Integer.MAX_VALUE, Integer.MIN_VALUE));
		values.addAll(List.of(0xFFFFFFFFL, 0x100000000L, -0x80000001L, Long.MAX_VALUE, Long.MIN_VALUE,
				(short) -300, (byte) -7));
		values.addAll(List.of(0.0, -0.0, 1.0, 1.5, -2.25, 1e300, 0x1p63, -0x1p63, 0x1p62, Double.NaN,
				Double.POSITIVE_INFINITY, 2.5f, 3.0f, 9007199254740993.0));
		for (int length : List.of(0, 1, 31, 32, 255, 256, 511, 512, 513, 65535, 65536)) {
			values.add("x".repeat(length));
		}
		values.addAll(List.of("é".repeat(200), "\u20ac".repeat(300), "\u20ac".repeat(30000), "\uD83D\uDE00 smile",
				"lone \uD800 surrogate", "lone \uD800 surrogate ".repeat(40)));
		for (int length : List.of(0, 255, 256, 65536)) {
			values.add(new byte[length]);
		}
		values.addAll(Arrays.asList(true, false, null));
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("z", 1);
		map.put("a", Arrays.asList("b", null, 2.5, Map.of()));
		map.put("nil", null);
		map.put("bin", new byte[] { 1, 2, 3 });
		values.addAll(List.of(map, List.of(), Map.of(), List.of(List.of(List.of(1)))));
		for (int size : List.of(15, 16, 65535, 65536)) {
			Map<String, Object> entries = new LinkedHashMap<>();
			for (int i = 0; i < size; i++) {
				entries.put("k" + i, i);
			}
			values.add(entries);
			values.add(Collections.nCopies(size, "v"));
		}
		return values.stream().map((value) -> Arguments.of(describe(value), value));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("plainArguments")
	void packsPlainArgumentsToTheBytesOfTheMapper(String description, Object argument) {
		assertSameBytesAsTheMapper(broadcast(Arrays.asList(argument, "second"), options(BroadcastOptions.Layout.ADAPTER)));
	}

	@Test
	void packsEveryLayoutRoomKindAndFlagToTheBytesOfTheMapper() {
		Map<String, Object> flags = new LinkedHashMap<>();
		flags.put(BroadcastOptions.VOLATILE, true);
		flags.put(BroadcastOptions.COMPRESS, false);
		flags.put("timeout", 5000L);
		for (BroadcastOptions.Layout layout : BroadcastOptions.Layout.values()) {
			BroadcastOptions options = new BroadcastOptions(List.of(Room.of("room1"), Room.of(42)),
					List.of(Room.of("room3")), flags, layout);
			assertSameBytesAsTheMapper(broadcast(List.of("hi"), options));
		}
		BroadcastMessage fromEmitter = new BroadcastMessage(BroadcastMessage.EMITTER_UID,
				new BroadcastPacket(BroadcastPacket.BINARY_EVENT, List.of("e", 1), "/admin"),
				options(BroadcastOptions.Layout.EMITTER));
		assertSameBytesAsTheMapper(fromEmitter);
	}

	@Test
	void leavesWhatIsNotPlainToTheMapper() {
		Map<Integer, String> integerKeys = Map.of(1, "one");
		for (Object argument : List.of(new Date(0), Instant.EPOCH, new Object(), integerKeys,
				Map.of("nested", List.of(new Date(0))), Collections.singleton("set"))) {
			BroadcastMessage message = broadcast(List.of(argument), options(BroadcastOptions.Layout.ADAPTER));
			assertThat(BroadcastPacker.pack(message)).as(describe(argument)).isNull();
		}
		BroadcastMessage dateFlag = broadcast(List.of(1), new BroadcastOptions(List.of(), List.of(),
				Map.of("at", new Date(0)), BroadcastOptions.Layout.ADAPTER));
		assertThat(BroadcastPacker.pack(dateFlag)).isNull();
	}

	@Test
	void leavesDataNestedDeeperThanAMessageFromRedisMayBeToTheMapper() throws MalformedMessageException {
		// the message's array, its packet, the data array and the argument's lists
		BroadcastMessage deepest = broadcast(List.of(nested(WireLimits.MAX_NESTING_DEPTH - 3)),
				options(BroadcastOptions.Layout.ADAPTER));
		assertSameBytesAsTheMapper(deepest);
		assertThat(this.codec.decode(this.codec.encode(deepest)).packet().args()).hasSize(1);
		BroadcastMessage deeper = broadcast(List.of(nested(WireLimits.MAX_NESTING_DEPTH - 2)),
				options(BroadcastOptions.Layout.ADAPTER));
		assertThat(BroadcastPacker.pack(deeper)).isNull();
		assertThat(this.codec.encode(deeper)).isEqualTo(this.codec.encodeWithMapper(deeper));
	}

	private void assertSameBytesAsTheMapper(BroadcastMessage message) {
		byte[] packed = BroadcastPacker.pack(message);
		assertThat(packed).isNotNull();
		assertThat(HEX.formatHex(packed)).isEqualTo(HEX.formatHex(this.codec.encodeWithMapper(message)));
		assertThat(this.codec.encode(message)).isEqualTo(packed);
	}

	private static BroadcastMessage broadcast(List<?> args, BroadcastOptions options) {
		List<Object> data = new ArrayList<>();
		data.add("event");
		data.addAll(args);
		return new BroadcastMessage("owZ7mU", new BroadcastPacket(BroadcastPacket.EVENT, data, "/"), options);
	}

	private static BroadcastOptions options(BroadcastOptions.Layout layout) {
		return new BroadcastOptions(List.of(Room.of("room1")), List.of(), Map.of(), layout);
	}

	/** A list {@code depth} lists deep, the innermost holding 1. */
	private static Object nested(int depth) {
		Object value = 1;
		for (int level = 0; level < depth; level++) {
			value = List.of(value);
		}
		return value;
	}

	private static String describe(Object value) {
		if (value == null) {
			return "null";
		}
		String text = (value instanceof byte[] bytes) ? "byte[" + bytes.length + "]" : String.valueOf(value);
		return value.getClass().getSimpleName() + " " + ((text.length() > 40) ? text.length() + " chars" : text);
	}

}
