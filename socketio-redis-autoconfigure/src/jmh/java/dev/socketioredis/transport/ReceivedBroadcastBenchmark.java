package dev.socketioredis.transport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import dev.socketioredis.protocol.BroadcastCodec;
import dev.socketioredis.protocol.BroadcastMessage;
import dev.socketioredis.protocol.BroadcastOptions;
import dev.socketioredis.protocol.BroadcastPacket;
import dev.socketioredis.protocol.MalformedMessageException;
import dev.socketioredis.protocol.Room;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH benchmark of what a node does with each broadcast it receives from Redis before writing it to its clients: the
 * msgpack decoded ({@link BroadcastCodec#decode}) and the Socket.IO packet encoded once for them
 * ({@link SharedPacketEncoder}). The message is the benchmark's {@code many-rooms} one: {@code msg} to one room with a
 * map {@code {room, pub, seq, ts, pad}}, its {@code pad} 64 or 4096 bytes long. Run as {@code BroadcastCodecBenchmark}
 * ({@code docs/benchmarks.md}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class ReceivedBroadcastBenchmark {

	@Param({ "64", "4096" })
	public int padSize;

	private final BroadcastCodec codec = new BroadcastCodec();

	private final SharedPacketEncoder encoder = new SharedPacketEncoder(new NodeCompatibleJsonSupport());

	private byte[] bytes;

	@Setup
	public void setUp() {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("room", "r7");
		payload.put("pub", 0);
		payload.put("seq", 1234);
		payload.put("ts", 1763781234567123L);
		payload.put("pad", "x".repeat(this.padSize));
		this.bytes = this.codec.encode(new BroadcastMessage("owZ7mU", BroadcastPacket.event("/", "msg", List.of(payload)),
				new BroadcastOptions(List.of(Room.of("r7")), List.of(), Map.of(), BroadcastOptions.Layout.ADAPTER)));
	}

	@Benchmark
	public Optional<SharedPacket> decodeAndEncodeForClients() throws MalformedMessageException {
		BroadcastPacket packet = this.codec.decode(this.bytes).packet();
		return this.encoder.encode("", packet.event(), packet.args(), packet.dataJson());
	}

}
