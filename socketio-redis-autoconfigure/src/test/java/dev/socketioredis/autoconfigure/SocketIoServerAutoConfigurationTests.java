package dev.socketioredis.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import com.corundumstudio.socketio.AckMode;
import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.store.MemoryStoreFactory;
import dev.socketioredis.adapter.RedisStoreFactory;
import dev.socketioredis.emitter.Emitter;
import dev.socketioredis.protocol.BroadcastCodec;
import dev.socketioredis.protocol.ChannelNames;
import dev.socketioredis.protocol.ClassicCodec;
import dev.socketioredis.redis.RedisPubSub;
import dev.socketioredis.server.SocketIoServerCustomizer;
import dev.socketioredis.server.SocketIoServerLifecycle;
import dev.socketioredis.transport.ClientFaults;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SocketIoServerAutoConfiguration}: the server, its properties, customizers and back-off, without starting it.
 */
class SocketIoServerAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = ContextRunners.clusteredServer();

	@Test
	void defaultsGiveANodeCompatibleServerThatStartsWithTheContext() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(SocketIOServer.class).hasSingleBean(SocketIoServerLifecycle.class);
			Configuration configuration = context.getBean(SocketIOServer.class).getConfiguration();
			assertThat(configuration.getPort()).isEqualTo(9092);
			assertThat(configuration.getHostname()).isNull();
			assertThat(configuration.getContext()).isEqualTo("/socket.io");
			assertThat(configuration.getPingInterval()).isEqualTo(25_000);
			assertThat(configuration.getPingTimeout()).isEqualTo(20_000);
			assertThat(configuration.getSocketConfig().isReuseAddress()).isTrue();
			assertThat(configuration.isRandomSession()).isTrue();
			assertThat(configuration.getAckMode()).isEqualTo(AckMode.MANUAL);
			assertThat(configuration.isWebsocketCompression()).isFalse();
			assertThat(configuration.getExceptionListener()).isSameAs(context.getBean(ClientFaults.class));
			assertThat(context.getBean(SocketIoServerLifecycle.class).isRunning()).isFalse();
		});
	}


	@Test
	void serverPropertiesAreMapped() {
		this.contextRunner
			.withPropertyValues("socketio.server.host=127.0.0.1", "socketio.server.port=0",
					"socketio.server.context=/rt", "socketio.server.origin=https://app.example",
					"socketio.server.ping-interval=5s", "socketio.server.ping-timeout=7s",
					"socketio.server.ack-mode=auto-success-only", "socketio.server.websocket-compression=true")
			.run((context) -> {
				Configuration configuration = context.getBean(SocketIOServer.class).getConfiguration();
				assertThat(configuration.getHostname()).isEqualTo("127.0.0.1");
				assertThat(configuration.getPort()).isZero();
				assertThat(configuration.getContext()).isEqualTo("/rt");
				assertThat(configuration.getOrigin()).isEqualTo("https://app.example");
				assertThat(configuration.getPingInterval()).isEqualTo(5_000);
				assertThat(configuration.getPingTimeout()).isEqualTo(7_000);
				assertThat(configuration.getAckMode()).isEqualTo(AckMode.AUTO_SUCCESS_ONLY);
				assertThat(configuration.isWebsocketCompression()).isTrue();
			});
	}


	@Test
	void customizersRunInOrderBeforeTheServerIsCreated() {
		this.contextRunner.withUserConfiguration(CustomizerConfiguration.class).run((context) -> {
			assertThat(context.getBean(CustomizerConfiguration.class).calls).containsExactly("first", "second");
			assertThat(context.getBean(SocketIOServer.class).getConfiguration().getMaxFramePayloadLength())
				.isEqualTo(2048);
		});
	}


	@Test
	void backsOffFromTheApplicationsServerAndEmitter() {
		this.contextRunner.withUserConfiguration(UserBeansConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(SocketIOServer.class).hasSingleBean(Emitter.class);
			assertThat(context.getBean(SocketIOServer.class)).isSameAs(context.getBean("userServer"));
			assertThat(context.getBean(Emitter.class)).isSameAs(context.getBean("userEmitter"));
		});
	}


	@Test
	void redisDisabledLeavesAStandaloneServer() {
		this.contextRunner.withPropertyValues("socketio.redis.enabled=false").run((context) -> {
			assertThat(context).hasSingleBean(SocketIOServer.class)
				.doesNotHaveBean(Emitter.class)
				.doesNotHaveBean(RedisStoreFactory.class);
			assertThat(context.getBean(SocketIOServer.class).getConfiguration().getStoreFactory())
				.isInstanceOf(MemoryStoreFactory.class);
		});
	}


	@Test
	void withoutRedisConnectionFactoryTheServerRunsAlone() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(SocketIoRedisAutoConfiguration.class, SocketIoServerAutoConfiguration.class))
			.withPropertyValues("socketio.server.auto-startup=false")
			.run((context) -> assertThat(context).hasSingleBean(SocketIOServer.class)
				.doesNotHaveBean(Emitter.class)
				.doesNotHaveBean(RedisStoreFactory.class));
	}


	@Test
	void serverDisabledLeavesAnEmitterOnlyApplication() {
		this.contextRunner.withPropertyValues("socketio.server.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(SocketIOServer.class)
				.doesNotHaveBean(SocketIoServerLifecycle.class)
				.doesNotHaveBean(RedisStoreFactory.class)
				.hasSingleBean(Emitter.class);
		});
	}

	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	static class CustomizerConfiguration {

		final List<String> calls = new ArrayList<>();

		@Bean
		@Order(2)
		SocketIoServerCustomizer second() {
			return (configuration) -> this.calls.add("second");
		}

		@Bean
		@Order(1)
		SocketIoServerCustomizer first() {
			return (configuration) -> {
				this.calls.add("first");
				configuration.setMaxFramePayloadLength(2048);
			};
		}

	}


	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	static class UserBeansConfiguration {

		@Bean
		SocketIOServer userServer() {
			return new SocketIOServer(new Configuration());
		}

		@Bean
		Emitter userEmitter(RedisPubSub pubSub) {
			return new Emitter(pubSub, new ChannelNames("custom"), new BroadcastCodec(), new ClassicCodec());
		}

	}

}
