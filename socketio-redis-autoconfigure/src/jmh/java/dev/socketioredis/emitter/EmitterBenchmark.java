package dev.socketioredis.emitter;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.socketioredis.protocol.BroadcastCodec;
import dev.socketioredis.protocol.ChannelNames;
import dev.socketioredis.protocol.ClassicCodec;
import dev.socketioredis.redis.springdata.OrderedMessageListenerContainer;
import dev.socketioredis.redis.springdata.SpringDataRedisPubSub;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Emits per second of the {@link Emitter} to a real {@code redis-server} (started on a free loopback port for the
 * run, from the {@code PATH}): {@code to("room1").emit("msg", payload)} with a small event (64-byte pad) and a 4 KiB
 * one. {@code emitAndWait} waits for each publish (one Redis round trip per emit); {@code emitPipelined} issues 64
 * emits and then waits for them all, as a busy service would.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class EmitterBenchmark {

	private static final int BATCH = 64;

	@Param({ "64", "4096" })
	int padSize;

	private Process redis;

	private LettuceConnectionFactory connectionFactory;

	private OrderedMessageListenerContainer container;

	private SpringDataRedisPubSub pubSub;

	private Emitter room;

	private Map<String, Object> payload;

	@Setup(Level.Trial)
	public void startRedis() throws Exception {
		int port = freePort();
		this.redis = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
				"--save", "", "--appendonly", "no")
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		this.connectionFactory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port));
		this.connectionFactory.afterPropertiesSet();
		this.connectionFactory.start();
		this.container = new OrderedMessageListenerContainer(this.connectionFactory, "bench-");
		this.container.afterPropertiesSet();
		this.pubSub = new SpringDataRedisPubSub(this.connectionFactory, this.container);
		this.room = new Emitter(this.pubSub, new ChannelNames("socket.io"), new BroadcastCodec(),
				new ClassicCodec())
			.to("room1");
		this.payload = new LinkedHashMap<>();
		this.payload.put("room", "room1");
		this.payload.put("pub", 0);
		this.payload.put("seq", 1234);
		this.payload.put("ts", 1763781234567123L);
		this.payload.put("pad", "x".repeat(this.padSize));
		for (int attempt = 0; attempt < 100; attempt++) { // until redis-server accepts connections
			try {
				this.room.emit("warmup").join();
				return;
			}
			catch (RuntimeException ex) {
				TimeUnit.MILLISECONDS.sleep(50);
			}
		}
		throw new IllegalStateException("redis-server did not start");
	}

	@TearDown(Level.Trial)
	public void stopRedis() throws Exception {
		this.pubSub.destroy();
		this.container.destroy();
		this.connectionFactory.destroy();
		this.redis.destroyForcibly().waitFor();
	}

	@Benchmark
	public void emitAndWait() {
		this.room.emit("msg", this.payload).join();
	}

	@Benchmark
	@OperationsPerInvocation(BATCH)
	public void emitPipelined() {
		List<CompletableFuture<Void>> published = new ArrayList<>(BATCH);
		for (int i = 0; i < BATCH; i++) {
			published.add(this.room.emit("msg", this.payload));
		}
		CompletableFuture.allOf(published.toArray(CompletableFuture[]::new)).join();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress("127.0.0.1", 0));
			return socket.getLocalPort();
		}
	}

}
