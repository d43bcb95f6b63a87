package dev.socketioredis.autoconfigure;

import java.time.Duration;
import java.util.List;

import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketIOServer;
import dev.socketioredis.adapter.ClusterTransport;
import dev.socketioredis.adapter.NamespaceRegistry;
import dev.socketioredis.adapter.RedisStoreFactory;
import dev.socketioredis.adapter.SocketIoCluster;
import dev.socketioredis.emitter.Emitter;
import dev.socketioredis.metrics.AdapterPublishObservationFilter;
import dev.socketioredis.protocol.ShardedChannels;
import dev.socketioredis.protocol.SubscriptionMode;
import dev.socketioredis.pubsub.PubSubTransports;
import dev.socketioredis.pubsub.ShardedTransports;
import dev.socketioredis.redis.RedisPubSub;
import dev.socketioredis.redis.ShardedPubSub;
import dev.socketioredis.redis.lettuce.BorrowedEventLoops;
import dev.socketioredis.redis.springdata.AdapterConnectionFactory;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.micrometer.observation.ObservationPredicate;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SocketIoRedisAutoConfiguration}: the cluster through Redis, the Redis client's settings, the listener
 * containers and back-off, without touching Redis.
 */
class SocketIoRedisAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = ContextRunners.clusteredServer();

	@Test
	void defaultsClusterTheServerThroughRedisPubSubAndGiveAnEmitter() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(RedisStoreFactory.class)
				.hasSingleBean(NamespaceRegistry.class)
				.hasSingleBean(ClusterTransport.Factory.class)
				.hasSingleBean(SocketIoCluster.class)
				.hasSingleBean(RedisPubSub.class)
				.hasSingleBean(Emitter.class)
				.hasBean("socketIoRedisMessageListenerContainer");
			assertThat(context.getBean(ClusterTransport.Factory.class)).isInstanceOf(PubSubTransports.class);
			assertThat(context.getBean(SocketIOServer.class).getConfiguration().getStoreFactory())
				.isSameAs(context.getBean(RedisStoreFactory.class));
		});
	}

	@Test
	void theShardedTransportClustersThroughShardedPubSubOnLettuce() {
		this.contextRunner.withPropertyValues("socketio.redis.transport=sharded").run((context) -> {
			assertThat(context).hasSingleBean(ShardedPubSub.class)
				.hasSingleBean(Emitter.class)
				.doesNotHaveBean(RedisPubSub.class)
				.doesNotHaveBean("socketIoRedisMessageListenerContainer");
			assertThat(context.getBean(ClusterTransport.Factory.class)).isInstanceOf(ShardedTransports.class);
			assertThat(context.getBean(ShardedChannels.class).mode()).isEqualTo(SubscriptionMode.DYNAMIC);
		});
		this.contextRunner
			.withPropertyValues("socketio.redis.transport=sharded", "socketio.redis.subscription-mode=dynamic-private")
			.run((context) -> assertThat(context.getBean(ShardedChannels.class).mode())
				.isEqualTo(SubscriptionMode.DYNAMIC_PRIVATE));
	}

	@Test
	void anEmitterOnlyApplicationGetsAShardedEmitter() {
		this.contextRunner.withPropertyValues("socketio.redis.transport=sharded", "socketio.server.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(Emitter.class)
				.hasSingleBean(ShardedPubSub.class)
				.doesNotHaveBean(ClusterTransport.Factory.class));
	}

	@Test
	void channelMultiplexingWithTheShardedTransportFailsStartupSayingWhy() {
		this.contextRunner
			.withPropertyValues("socketio.redis.transport=sharded", "socketio.redis.channel-multiplexing=true")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("socketio.redis.channel-multiplexing")
				.hasMessageContaining("socketio.redis.subscription-mode"));
	}

	@Test
	void anUnknownTransportFailsStartup() {
		this.contextRunner.withPropertyValues("socketio.redis.transport=streams")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void aTransportFactoryOfTheApplicationReplacesRedisPubSub() {
		this.contextRunner.withBean("userTransports", ClusterTransport.Factory.class,
				() -> (namespace, uid) -> {
					throw new UnsupportedOperationException();
				})
			.run((context) -> assertThat(context.getBean(ClusterTransport.Factory.class))
				.isSameAs(context.getBean("userTransports")));
	}

	@Test
	void redisClientReconnectsEveryHalfSecondAndRefusesCommandsWhileDisconnected() {
		this.contextRunner.run((context) -> {
			assertThat(context.getBean(LettuceConnectionFactory.class).getClientConfiguration().getClientOptions())
				.hasValueSatisfying((options) -> assertThat(options.getDisconnectedBehavior())
					.isEqualTo(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS));
			Delay delay = context.getBean(ClientResources.class).reconnectDelay();
			assertThat(List.of(1L, 5L, 50L)).allSatisfy(
					(attempt) -> assertThat(delay.createDelay(attempt)).isEqualTo(Duration.ofMillis(500)));
		});
		this.contextRunner
			.withPropertyValues("socketio.redis.reconnect-delay=2s",
					"socketio.redis.reject-commands-while-disconnected=false")
			.run((context) -> {
				assertThat(context.getBean(LettuceConnectionFactory.class).getClientConfiguration().getClientOptions())
					.hasValueSatisfying((options) -> assertThat(options.getDisconnectedBehavior())
						.isEqualTo(ClientOptions.DisconnectedBehavior.DEFAULT));
				assertThat(context.getBean(ClientResources.class).reconnectDelay().createDelay(3))
					.isEqualTo(Duration.ofSeconds(2));
			});
	}


	@Test
	void theAdaptersPublishesAreLeftOutOfBootsLettuceObservationUnlessAskedFor() {
		this.contextRunner.run((context) -> assertThat(context.getBeansOfType(ObservationPredicate.class).values())
			.singleElement()
			.isInstanceOf(AdapterPublishObservationFilter.class));
		this.contextRunner.withPropertyValues("socketio.redis.observe-publishes=true")
			.run((context) -> assertThat(context).doesNotHaveBean(ObservationPredicate.class));
	}

	@Test
	void coexistsWithTheApplicationsOwnListenerContainer() {
		this.contextRunner.withUserConfiguration(UserListenerContainerConfiguration.class).run((context) -> {
			assertThat(context).hasBean("redisMessageListenerContainer").hasBean("socketIoRedisMessageListenerContainer");
			assertThat(context.getBean("socketIoRedisMessageListenerContainer"))
				.isNotSameAs(context.getBean("redisMessageListenerContainer"));
		});
	}


	@Test
	void subscriberRoleCanUseItsOwnConnectionFactory() {
		this.contextRunner.withUserConfiguration(SubscriberFactoryConfiguration.class).run((context) -> {
			RedisMessageListenerContainer container = context.getBean("socketIoRedisMessageListenerContainer",
					RedisMessageListenerContainer.class);
			assertThat(container.getConnectionFactory()).isSameAs(context.getBean("subscriberFactory"));
			assertThat(context.getBean(RedisConnectionFactory.class)).isSameAs(context.getBean("redisConnectionFactory"));
		});
	}


	@Test
	void bothRolesDefaultToACopyOfTheApplicationsConnectionFactoryOnTheNodesEventLoops() {
		this.contextRunner.withPropertyValues("spring.data.redis.port=6390", "spring.data.redis.database=3",
				"spring.data.redis.client-name=app")
			.run((context) -> {
				LettuceConnectionFactory application = context.getBean(LettuceConnectionFactory.class);
				RedisConnectionFactory adapters = context.getBean(AdapterConnectionFactory.class).get();
				assertThat(subscriberFactory(context)).isSameAs(adapters).isNotSameAs(application);
				LettuceConnectionFactory copy = (LettuceConnectionFactory) adapters;
				assertThat(copy.getPort()).isEqualTo(6390);
				assertThat(copy.getDatabase()).isEqualTo(3);
				assertThat(copy.getClientName()).isEqualTo("app");
				assertThat(copy.getClientConfiguration().getCommandTimeout())
					.isEqualTo(application.getClientConfiguration().getCommandTimeout());
				ClientResources resources = copy.getClientConfiguration().getClientResources().orElseThrow();
				assertThat(resources.eventLoopGroupProvider()).isInstanceOf(BorrowedEventLoops.class);
				assertThat(resources.reconnectDelay().createDelay(7)).isEqualTo(Duration.ofMillis(500));
				assertThat(copy.getClientConfiguration().getClientOptions().orElseThrow().getDisconnectedBehavior())
					.isEqualTo(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
			});
	}

	@Test
	void withoutSharedEventLoopsOrWithoutAServerTheAdapterUsesTheApplicationsConnectionFactory() {
		this.contextRunner.withPropertyValues("socketio.redis.shared-event-loops=false")
			.run((context) -> assertThat(subscriberFactory(context))
				.isSameAs(context.getBean(RedisConnectionFactory.class)));
		this.contextRunner.withPropertyValues("socketio.server.enabled=false")
			.run((context) -> assertThat(context.getBean(AdapterConnectionFactory.class).get())
				.isSameAs(context.getBean(RedisConnectionFactory.class)));
	}

	private static RedisConnectionFactory subscriberFactory(ApplicationContext context) {
		return context.getBean("socketIoRedisMessageListenerContainer", RedisMessageListenerContainer.class)
			.getConnectionFactory();
	}


	@Test
	void invalidKeyPrefixFailsStartup() {
		this.contextRunner.withPropertyValues("socketio.redis.key=a#b")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("must not contain '#'"));
	}

	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	static class UserListenerContainerConfiguration {

		@Bean
		RedisMessageListenerContainer redisMessageListenerContainer(RedisConnectionFactory connectionFactory) {
			RedisMessageListenerContainer container = new RedisMessageListenerContainer();
			container.setConnectionFactory(connectionFactory);
			return container;
		}

	}


	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	static class SubscriberFactoryConfiguration {

		@Bean(defaultCandidate = false)
		@Qualifier(SocketIoRedisAutoConfiguration.SUBSCRIBER)
		LettuceConnectionFactory subscriberFactory() {
			return new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 6380));
		}

	}

}
