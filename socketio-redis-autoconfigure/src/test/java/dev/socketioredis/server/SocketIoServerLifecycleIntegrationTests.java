package dev.socketioredis.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import dev.socketioredis.test.SocketIoTestClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The embedded server's lifecycle in a real application context, without Redis.
 */
class SocketIoServerLifecycleIntegrationTests {

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
