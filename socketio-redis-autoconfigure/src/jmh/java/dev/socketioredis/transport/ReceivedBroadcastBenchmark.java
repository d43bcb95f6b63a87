package dev.socketioredis.transport;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import dev.socketioredis.protocol.BroadcastCodec;
import dev.socketioredis.protocol.BroadcastCodecBenchmark;
import dev.socketioredis.protocol.BroadcastPacket;
import dev.socketioredis.protocol.MalformedMessageException;
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
 * ({@link SharedPacketEncoder}), on {@link BroadcastCodecBenchmark}'s message: {@code msg} to one room with the
 * benchmark's {@code many-rooms} payload, its {@code pad} 64 or 4096 bytes long. Run as
 * {@code docs/benchmarks.md} says.
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
		this.bytes = this.codec.encode(BroadcastCodecBenchmark.roomBroadcast(BroadcastCodecBenchmark.mapPayload(this.padSize)));
	}

	@Benchmark
	public Optional<SharedPacket> decodeAndEncodeForClients() throws MalformedMessageException {
		BroadcastPacket packet = this.codec.decode(this.bytes).packet();
		return this.encoder.encode("", packet.event(), packet.args(), packet.dataJson());
	}

}
