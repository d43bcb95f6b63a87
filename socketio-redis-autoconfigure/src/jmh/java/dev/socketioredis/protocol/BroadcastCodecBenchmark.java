package dev.socketioredis.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH benchmark of {@link BroadcastCodec} on the message a Socket.IO server publishes for
 * {@code io.to("room1").emit("msg", payload)}: {@code encode} turns a {@link BroadcastMessage} into msgpack bytes and
 * {@code decode} turns those bytes back into a {@link BroadcastMessage}.
 *
 * <p>
 * The payload is a map {@code {room, pub, seq, ts, pad}} whose {@code pad} string is 64 or 4096 bytes long
 * ({@link MapPayload#padSize}); the {@code *Binary} benchmarks send a 4096-byte {@code byte[]} instead. Run with
 * {@code ./mvnw -B -Pbenchmarks -pl socketio-redis-autoconfigure -DskipTests verify}, passing other JMH options in
 * {@code -Djmh.args="..."} (see {@code docs/benchmarks.md}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BroadcastCodecBenchmark {

	private static final String UID = "owZ7mU";

	@Benchmark
	public byte[] encode(MapPayload payload) {
		return payload.codec.encode(payload.message);
	}

	/** What {@link #encode} costs when its values are left to Jackson, as they all were before {@link BroadcastPacker}. */
	@Benchmark
	public byte[] encodeWithMapper(MapPayload payload) {
		return payload.codec.encodeWithMapper(payload.message);
	}

	@Benchmark
	public BroadcastMessage decode(MapPayload payload) throws MalformedMessageException {
		return payload.codec.decode(payload.bytes);
	}

	/** What a node reads of each of its own broadcasts that Redis sends back, in place of {@link #decode}. */
	@Benchmark
	public boolean isPublishedBy(MapPayload payload) {
		return payload.codec.isPublishedBy(payload.bytes, payload.uid);
	}

	@Benchmark
	public byte[] encodeBinary(BinaryPayload payload) {
		return payload.codec.encode(payload.message);
	}

	@Benchmark
	public BroadcastMessage decodeBinary(BinaryPayload payload) throws MalformedMessageException {
		return payload.codec.decode(payload.bytes);
	}

	public static BroadcastMessage roomBroadcast(Object payload) {
		BroadcastOptions options = new BroadcastOptions(List.of(Room.of("room1")), List.of(), Map.of(),
				BroadcastOptions.Layout.ADAPTER);
		return new BroadcastMessage(UID, BroadcastPacket.event("/", "msg", List.of(payload)), options);
	}

	public static Map<String, Object> mapPayload(int padSize) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("room", "r7");
		payload.put("pub", 0);
		payload.put("seq", 1234);
		payload.put("ts", 1763781234567123L);
		payload.put("pad", "x".repeat(padSize));
		return payload;
	}

	/**
	 * A broadcast whose argument is a map with a {@code pad} string of {@link #padSize} bytes.
	 */
	@State(Scope.Benchmark)
	public static class MapPayload {

		@Param({ "64", "4096" })
		public int padSize;

		final BroadcastCodec codec = new BroadcastCodec();

		final byte[] uid = UID.getBytes(StandardCharsets.UTF_8);

		BroadcastMessage message;

		byte[] bytes;

		@Setup
		public void setUp() throws MalformedMessageException {
			this.message = roomBroadcast(mapPayload(this.padSize));
			this.bytes = this.codec.encode(this.message);
			if (!this.codec.decode(this.bytes).equals(this.message)) {
				throw new IllegalStateException("The codec does not round-trip " + this.message);
			}
			if (!this.codec.isPublishedBy(this.bytes, this.uid)) {
				throw new IllegalStateException("The codec does not read the uid of " + this.message);
			}
		}

	}

	/**
	 * A broadcast whose argument is a 4096-byte {@code byte[]}, written as msgpack bin.
	 */
	@State(Scope.Benchmark)
	public static class BinaryPayload {

		static final int SIZE = 4096;

		final BroadcastCodec codec = new BroadcastCodec();

		BroadcastMessage message;

		byte[] bytes;

		@Setup
		public void setUp() throws MalformedMessageException {
			byte[] payload = new byte[SIZE];
			for (int i = 0; i < SIZE; i++) {
				payload[i] = (byte) i;
			}
			this.message = roomBroadcast(payload);
			this.bytes = this.codec.encode(this.message);
			Object decoded = this.codec.decode(this.bytes).packet().args().get(0);
			if (!(decoded instanceof byte[] array) || !Arrays.equals(array, payload)) {
				throw new IllegalStateException("The codec does not round-trip a byte[] of " + SIZE + " bytes");
			}
		}

	}

}
