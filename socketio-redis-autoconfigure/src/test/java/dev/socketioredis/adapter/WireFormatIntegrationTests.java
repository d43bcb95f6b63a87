package dev.socketioredis.adapter;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.corundumstudio.socketio.SocketIONamespace;
import com.corundumstudio.socketio.namespace.Namespace;
import com.fasterxml.jackson.databind.JsonNode;
import dev.socketioredis.emitter.Emitter;
import dev.socketioredis.protocol.BroadcastCodec;
import dev.socketioredis.protocol.BroadcastMessage;
import dev.socketioredis.protocol.BroadcastOptions;
import dev.socketioredis.protocol.Room;
import dev.socketioredis.test.ClusterNode;
import dev.socketioredis.test.NodeVectors;
import dev.socketioredis.test.RedisTestServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a Java node and the Emitter put on Redis, read by a plain Redis subscriber: the channels and messages of the
 * Node adapter and emitter.
 */
class WireFormatIntegrationTests {

	@RegisterExtension
	static RedisTestServer redis = new RedisTestServer();

	static ClusterNode node;

	static RedisClient redisClient;

	static StatefulRedisPubSubConnection<byte[], byte[]> subscriber;

	static final BlockingQueue<Published> published = new LinkedBlockingQueue<>();

	final BroadcastCodec codec = new BroadcastCodec();

	@BeforeAll
	static void start() {
		node = ClusterNode.start(redis);
		redisClient = RedisClient.create(RedisURI.create(redis.host(), redis.port()));
		subscriber = redisClient.connectPubSub(ByteArrayCodec.INSTANCE);
		subscriber.addListener(new RedisPubSubAdapter<>() {
			@Override
			public void message(byte[] pattern, byte[] channel, byte[] message) {
				published.add(new Published(new String(channel), message));
			}

			@Override
			public void message(byte[] channel, byte[] message) {
				published.add(new Published(new String(channel), message));
			}
		});
		subscriber.sync().psubscribe("socket.io#*".getBytes());
		subscriber.sync().subscribe("socket.io-request#/#".getBytes());
	}

	@AfterAll
	static void stop() {
		subscriber.close();
		redisClient.shutdown();
		node.close();
	}

	@BeforeEach
	void clear() {
		published.clear();
	}

	@Test
	void roomBroadcastGoesToTheRoomChannelWithTheNodesUid() throws Exception {
		// the namespace's operations: the server's span every namespace and would publish once for /admin too
		defaultNamespace().getRoomOperations("r1").sendEvent("news", "x", 1);

		Published message = next();
		assertThat(message.channel()).isEqualTo("socket.io#/#r1#");
		BroadcastMessage broadcast = this.codec.decode(message.bytes());
		assertThat(broadcast.uid()).hasSize(6).isNotEqualTo(BroadcastMessage.EMITTER_UID);
		assertThat(broadcast.packet().type()).isEqualTo(2);
		assertThat(broadcast.packet().data()).containsExactly("news", "x", 1);
		assertThat(broadcast.packet().nsp()).isEqualTo("/");
		assertThat(broadcast.options()).isEqualTo(
				new BroadcastOptions(List.of(Room.of("r1")), List.of(), Map.of(), BroadcastOptions.Layout.ADAPTER));
	}

	@Test
	void namespaceBroadcastGoesToTheNamespaceChannel() throws Exception {
		defaultNamespace().getBroadcastOperations().sendEvent("all", true);

		Published message = next();
		assertThat(message.channel()).isEqualTo("socket.io#/#");
		assertThat(this.codec.decode(message.bytes()).options().rooms()).isEmpty();
	}

	@Test
	void emitterPublishesAsTheNodeEmitterDoes() throws Exception {
		node.emitter().to("r1", "r2").except("r3").emit("e-multi", 1).join();

		Published message = next();
		assertThat(message.channel()).isEqualTo("socket.io#/#");
		BroadcastMessage broadcast = this.codec.decode(message.bytes());
		assertThat(broadcast.uid()).isEqualTo("emitter");
		assertThat(broadcast.options().layout()).isEqualTo(BroadcastOptions.Layout.EMITTER);
		assertThat(broadcast.options().rooms()).extracting(Room::name).containsExactly("r1", "r2");
		assertThat(broadcast.options().except()).extracting(Room::name).containsExactly("r3");
	}

	@Test
	void emitterTargetsOtherNamespacesOnTheirChannel() throws Exception {
		node.emitter().of("/admin").to("ops").emit("alert", "x").join();

		Published message = next();
		assertThat(message.channel()).isEqualTo("socket.io#/admin#ops#");
		assertThat(this.codec.decode(message.bytes()).packet().nsp()).isEqualTo("/admin");
	}

	@Test
	void emitterMessagesAreByteForByteTheNodeEmitters() throws Exception {
		Emitter emitter = node.emitter();
		Map<String, Runnable> calls = new LinkedHashMap<>();
		calls.put("emitter-emit-all", () -> emitter.emit("e-hello", "world"));
		calls.put("emitter-emit-one-room", () -> emitter.to("room1").emit("e-msg", Map.of("k", "v")));
		calls.put("emitter-emit-rooms-except", () -> emitter.to("room1").to("room2").except("room3").emit("e-multi", 1));
		calls.put("emitter-emit-binary", () -> emitter.emit("e-bin", (Object) HexFormat.of().parseHex("deadbeef")));
		calls.put("emitter-emit-volatile", () -> emitter.asVolatile().emit("e-vol", 1));
		calls.put("emitter-emit-namespace", () -> emitter.of("/admin").emit("e-admin", 1));
		calls.put("emitter-socketsJoin", () -> emitter.in("room1").socketsJoin("room5"));
		calls.put("emitter-socketsLeave", () -> emitter.in("room1").socketsLeave("room5"));
		calls.put("emitter-disconnectSockets", () -> emitter.in("room2").disconnectSockets(true));
		calls.put("emitter-serverSideEmit", () -> emitter.serverSideEmit("ping-srv", "from-emitter"));
		for (Map.Entry<String, Runnable> call : calls.entrySet()) {
			published.clear();
			call.getValue().run();
			Published message = next();
			JsonNode vector = NodeVectors.byId(call.getKey());
			assertThat(message.channel()).as(call.getKey()).isEqualTo(vector.get("channel").asText());
			assertThat(HexFormat.of().formatHex(message.bytes())).as(call.getKey()).isEqualTo(vector.get("hex").asText());
		}
	}

	private static SocketIONamespace defaultNamespace() {
		return node.server().getNamespace(Namespace.DEFAULT_NAME);
	}

	private static Published next() throws InterruptedException {
		Published message = published.poll(10, TimeUnit.SECONDS);
		assertThat(message).as("a message published within 10 s").isNotNull();
		return message;
	}

	record Published(String channel, byte[] bytes) {
	}

}
