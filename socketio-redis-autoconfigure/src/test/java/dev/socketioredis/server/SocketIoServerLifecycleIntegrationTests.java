package dev.socketioredis.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.corundumstudio.socketio.SocketIOServer;

import dev.socketioredis.test.SocketIoTestClient;
import io.lettuce.core.resource.Transports;
import io.netty.channel.EventLoopGroup;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.awaitility.Awaitility.await;

/**
 * The embedded server's lifecycle in a real application context, without Redis.
 */
class SocketIoServerLifecycleIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Test
	void randomPortIsReportedAndServesClients() {
		try (ConfigurableApplicationContext context = start("socketio.server.port=0")) {
			int port = context.getEnvironment()
				.getRequiredProperty(SocketIoServerPortInfoApplicationContextInitializer.PROPERTY, Integer.class);
			assertThat(port).isPositive().isEqualTo(context.getBean(SocketIoServerLifecycle.class).getPort());
			try (SocketIoTestClient client = SocketIoTestClient.connect(port, "", "")) {
				assertThat(client.socket().connected()).isTrue();
			}
		}
	}

	@Test
	void portInUseFailsStartupWithAClearMessage() throws IOException {
		try (ServerSocket taken = new ServerSocket()) {
			taken.bind(new InetSocketAddress("127.0.0.1", 0));
			assertThatException().isThrownBy(() -> start("socketio.server.port=" + taken.getLocalPort()))
				.havingCause()
				.isInstanceOf(SocketIoServerStartException.class)
				.withMessageContaining("127.0.0.1:" + taken.getLocalPort())
				.withMessageContaining("already in use");
		}
	}

	@Test
	void serverThatNeverStartedClosesQuietly() {
		ConfigurableApplicationContext context = start("socketio.server.port=0", "socketio.server.auto-startup=false");
		SocketIoServerLifecycle lifecycle = context.getBean(SocketIoServerLifecycle.class);
		assertThat(lifecycle.isRunning()).isFalse();
		assertThat(lifecycle.getPort()).isEqualTo(-1);
		context.close();
	}

	@Test
	void stoppedServerRefusesToStartAgain() {
		try (ConfigurableApplicationContext context = start("socketio.server.port=0")) {
			SocketIoServerLifecycle lifecycle = context.getBean(SocketIoServerLifecycle.class);
			lifecycle.stop();
			assertThat(lifecycle.isRunning()).isFalse();
			assertThatIllegalStateException().isThrownBy(lifecycle::start).withMessageContaining("cannot be started again");
		}
	}

	/** So that the adapter's Redis connections can run on them: io_uring where it runs, which the starter brings. */
	@Test
	void theNodesEventLoopsUseLettucesTransport() {
		try (ConfigurableApplicationContext context = start("socketio.server.port=0")) {
			assertThat(context.getBean(SocketIoEventLoops.class).transport().socketChannelClass())
				.isEqualTo(Transports.socketChannelClass());
			try (SocketIoTestClient client = SocketIoTestClient
				.connect(context.getBean(SocketIoServerLifecycle.class).getPort(), "", "")) {
				assertThat(client.socket().connected()).isTrue();
			}
		}
	}

	@Test
	void clientsRunOnTheNodesEventLoopsWhichOutliveTheServer() {
		try (ConfigurableApplicationContext context = start("socketio.server.port=0",
				"socketio.server.event-loop-threads=2")) {
			List<String> connectThreads = new CopyOnWriteArrayList<>();
			context.getBean(SocketIOServer.class)
				.addConnectListener((client) -> connectThreads.add(Thread.currentThread().getName()));
			SocketIoServerLifecycle lifecycle = context.getBean(SocketIoServerLifecycle.class);
			int port = lifecycle.getPort();
			try (SocketIoTestClient client = SocketIoTestClient.connect(port, "", "")) {
				await().atMost(TIMEOUT).until(() -> connectThreads.size() == 1);
				assertThat(connectThreads.get(0)).startsWith("socketio-loop-");

				lifecycle.stop();
				await().atMost(TIMEOUT).until(() -> !client.socket().connected());
				assertThat(context.getBean(SocketIoEventLoops.class).group().isShuttingDown()).isFalse();
				assertThatNoException().isThrownBy(() -> {
					try (ServerSocket again = new ServerSocket()) {
						again.setReuseAddress(true); // as the server binds; its closed sockets may linger in TIME_WAIT
						again.bind(new InetSocketAddress("127.0.0.1", port));
					}
				});
			}
			EventLoopGroup loops = context.getBean(SocketIoEventLoops.class).group();
			context.close();
			assertThat(loops.isTerminated()).isTrue();
		}
	}

	private static ConfigurableApplicationContext start(String... properties) {
		return new SpringApplicationBuilder(ServerOnlyApplication.class).web(WebApplicationType.NONE)
			.properties("socketio.server.host=127.0.0.1", "socketio.redis.enabled=false")
			.properties(properties)
			.run();
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration(excludeName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
	static class ServerOnlyApplication {

	}

}
