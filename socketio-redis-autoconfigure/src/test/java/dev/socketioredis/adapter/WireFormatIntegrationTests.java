package dev.socketioredis.adapter;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.socketioredis.protocol.BroadcastCodec;
import dev.socketioredis.protocol.BroadcastMessage;
import dev.socketioredis.protocol.BroadcastOptions;
import dev.socketioredis.protocol.Room;
import dev.socketioredis.test.ClusterNode;
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
		});
		subscriber.sync().psubscribe("socket.io#*".getBytes());
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
		node.server().getRoomOperations("r1").sendEvent("news", "x", 1);

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
		node.server().getBroadcastOperations().sendEvent("all", true);

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

	private static Published next() throws InterruptedException {
		Published message = published.poll(10, TimeUnit.SECONDS);
		assertThat(message).as("a message published within 10 s").isNotNull();
		return message;
	}

	record Published(String channel, byte[] bytes) {
	}

}
