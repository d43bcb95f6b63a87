package dev.socketioredis.emitter;

import java.util.List;

import dev.socketioredis.test.NodePeer;
import dev.socketioredis.test.NodePeer.Client;
import dev.socketioredis.test.RedisTestServer;
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
import static org.awaitility.Awaitility.await;

/**
 * The Java {@link Emitter} of an emitter-only Spring application drives a Node {@code socket.io} server with
 * {@code @socket.io/redis-adapter}, method by method. After each broadcast the emitter sends a numbered
 * {@code barrier} to everyone: once every client has it, what was sent before has arrived.
 */
class JavaEmitterToNodeIntegrationTests {

	@RegisterExtension
	static RedisTestServer redis = new RedisTestServer();

	static NodePeer node;

	static ConfigurableApplicationContext publisher;

	static Emitter emitter;

	static String r1;

	static String r2;

	static String admin;

	static int barriers;

	@BeforeAll
	static void start() {
		node = NodePeer.start(redis);
		r1 = node.connectClient("r1", "r1");
		r2 = node.connectClient("r2", "r2");
		admin = node.connectClient("admin", Client.v4().namespace("/admin").rooms("r1")).socketId();
		publisher = new SpringApplicationBuilder(PublisherApplication.class).web(WebApplicationType.NONE)
			.properties(redis.springProperties().toArray(String[]::new))
			.properties("socketio.server.enabled=false")
			.run();
		emitter = publisher.getBean(Emitter.class);
	}

	@AfterAll
	static void stop() {
		publisher.close();
		node.close();
	}

	@Test
	void emitReachesExactlyTheTargetedNodeClients() {
		emitter.to("r1").emit("news", "to-r1").join();
		emitter.except("r1").emit("news", "not-r1").join();
		emitter.of("/admin").to("r1").emit("news", "admin-r1").join();
		emitter.asVolatile().compress(false).emit("news", "volatile").join();
		barrier();

		// a volatile packet may be dropped (Socket.IO drops it when the transport is not writable); if it arrives, it
		// arrives once, in publish order
		assertThat(node.events("r1", "news")).isIn(List.of(List.of("to-r1")),
				List.of(List.of("to-r1"), List.of("volatile")));
		assertThat(node.events("r2", "news")).isIn(List.of(List.of("not-r1")),
				List.of(List.of("not-r1"), List.of("volatile")));
		assertThat(node.events("admin", "news")).containsExactly(List.of("admin-r1"));
	}

	@Test
	void socketsJoinAndLeaveMoveTheNodeSockets() {
		emitter.in("r1").socketsJoin("joined").join();
		await().untilAsserted(() -> assertThat(node.fetchSocketIds("/", List.of("joined"), List.of()))
			.containsExactly(r1));
		emitter.in("joined").socketsLeave("joined").join();
		await().untilAsserted(() -> assertThat(node.fetchSocketIds("/", List.of("joined"), List.of())).isEmpty());
	}

	@Test
	void serverSideEmitReachesTheNodeServer() {
		emitter.serverSideEmit("note", 1, "two").join();
		assertThat(node.awaitEvents("server:/", "note", 1)).containsExactly(List.of(1, "two"));
	}

	@Test
	void disconnectSocketsDisconnectsTheNodeSockets() {
		String doomed = node.connectClient("doomed", "doomed");
		emitter.in("doomed").disconnectSockets(true).join();
		assertThat(node.awaitEvents("doomed", "disconnect", 1)).hasSize(1);
		assertThat(node.fetchSocketIds("/", List.of(), List.of())).doesNotContain(doomed).contains(r1, r2);
	}

	private static void barrier() {
		int barrier = ++barriers;
		emitter.emit("barrier", barrier).join();
		emitter.of("/admin").emit("barrier", barrier).join();
		for (String client : List.of("r1", "r2", "admin")) {
			assertThat(node.awaitEvents(client, "barrier", barrier)).last().isEqualTo(List.of(barrier));
		}
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class PublisherApplication {

	}

}
