package dev.socketioredis.emitter;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.corundumstudio.socketio.SocketIOServer;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import dev.socketioredis.protocol.BroadcastCodec;
import dev.socketioredis.protocol.BroadcastMessage;
import dev.socketioredis.protocol.MessageEncodingException;
import dev.socketioredis.test.RedisTestServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An application that only publishes ({@code socketio.server.enabled=false}): it gets an {@link Emitter} and no
 * Socket.IO server, no port and no subscription, so Node requesters do not count it as a node.
 */
class EmitterOnlyIntegrationTests {

	@RegisterExtension
	static RedisTestServer redis = new RedisTestServer();

	static ConfigurableApplicationContext context;

	static RedisClient redisClient;

	static StatefulRedisPubSubConnection<byte[], byte[]> subscriber;

	static final BlockingQueue<byte[]> published = new LinkedBlockingQueue<>();

	@BeforeAll
	static void start() {
		context = new SpringApplicationBuilder(PublisherApplication.class).web(WebApplicationType.NONE)
			.properties(redis.springProperties().toArray(String[]::new))
			.properties("socketio.server.enabled=false")
			.run();
		redisClient = RedisClient.create(RedisURI.create(redis.host(), redis.port()));
		subscriber = redisClient.connectPubSub(ByteArrayCodec.INSTANCE);
		subscriber.addListener(new RedisPubSubAdapter<>() {
			@Override
			public void message(byte[] pattern, byte[] channel, byte[] message) {
				published.add(message);
			}
		});
		subscriber.sync().psubscribe("socket.io#*".getBytes());
	}

	@AfterAll
	static void stop() {
		subscriber.close();
		redisClient.shutdown();
		context.close();
	}

	@Test
	void hasAnEmitterButNoServerAndNoSubscription() throws Exception {
		assertThat(context.getBeansOfType(SocketIOServer.class)).isEmpty();
		assertThat(context.getBean(Emitter.class)).isNotNull();
		assertThat(redis.command("PUBSUB NUMSUB socket.io-request#/# socket.io#/#"))
			.contains("socket.io-request#/#\r\n:0\r\n", "socket.io#/#\r\n:0\r\n");
		assertThat(redis.command("PUBSUB NUMPAT")).isEqualTo(":1\r\n"); // this test's own subscriber
	}

	@Test
	void publishesObjectsAsASocketIoServerWould() throws Exception {
		Emitter emitter = context.getBean(Emitter.class);
		emitter.emit("order", new Order("o-1", 3, List.of("a", "b"), Instant.parse("2026-11-22T10:15:30Z"), null),
				Map.of("paid", true), 2.5, new byte[] { 7 })
			.join();

		BroadcastMessage message = new BroadcastCodec().decode(published.poll(10, TimeUnit.SECONDS));
		assertThat(message.uid()).isEqualTo("emitter");
		assertThat(message.packet().args().get(0)).isEqualTo(Map.of("id", "o-1", "quantity", 3, "items",
				List.of("a", "b"), "placedAt", "2026-11-22T10:15:30Z"));
		assertThat(message.packet().args().subList(1, 3)).containsExactly(Map.of("paid", true), 2.5);
		assertThat(message.packet().args().get(3)).isEqualTo(new byte[] { 7 });
	}

	@Test
	void derivedEmittersNeverChangeTheOneTheyCameFrom() throws Exception {
		Emitter room = context.getBean(Emitter.class).to("r1");
		room.except("r2").asVolatile().of("/admin");
		room.emit("plain").join();

		BroadcastMessage message = new BroadcastCodec().decode(published.poll(10, TimeUnit.SECONDS));
		assertThat(message.packet().nsp()).isEqualTo("/");
		assertThat(message.options().rooms()).extracting("name").containsExactly("r1");
		assertThat(message.options().except()).isEmpty();
		assertThat(message.options().flags()).isEmpty();
	}

	@Test
	void argumentsThatCannotBeWrittenFailAtTheCallSite() {
		assertThatExceptionOfType(MessageEncodingException.class)
			.isThrownBy(() -> context.getBean(Emitter.class).emit("bad", new Object()))
			.withMessageContaining("'bad'");
	}

	record Order(String id, int quantity, List<String> items, Instant placedAt, @JsonInclude(Include.NON_NULL) String note) {
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class PublisherApplication {

	}

}
