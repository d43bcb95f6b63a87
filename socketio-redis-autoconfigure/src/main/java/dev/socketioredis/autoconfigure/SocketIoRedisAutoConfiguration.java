package dev.socketioredis.autoconfigure;

import java.util.Objects;

import com.corundumstudio.socketio.SocketIOServer;
import dev.socketioredis.adapter.AdapterObserver;
import dev.socketioredis.adapter.ClusterTransport;
import dev.socketioredis.adapter.EngineSettings;
import dev.socketioredis.adapter.NamespaceRegistry;
import dev.socketioredis.adapter.RedisStoreFactory;
import dev.socketioredis.adapter.RoomEventListener;
import dev.socketioredis.adapter.ServerSideEventListener;
import dev.socketioredis.adapter.SocketIoCluster;
import dev.socketioredis.concurrent.EventLoopTimer;
import dev.socketioredis.emitter.Emitter;
import dev.socketioredis.events.RoomEventPublisher;
import dev.socketioredis.metrics.AdapterPublishObservationFilter;
import dev.socketioredis.protocol.BroadcastCodec;
import dev.socketioredis.protocol.ChannelNames;
import dev.socketioredis.protocol.ClassicCodec;
import dev.socketioredis.protocol.ClusterAdapterCodec;
import dev.socketioredis.protocol.ShardedChannels;
import dev.socketioredis.pubsub.PubSubSettings;
import dev.socketioredis.pubsub.PubSubTransports;
import dev.socketioredis.pubsub.ShardedSettings;
import dev.socketioredis.pubsub.ShardedTransports;
import dev.socketioredis.redis.ShardedPubSub;
import dev.socketioredis.redis.lettuce.LettuceShardedPubSub;
import dev.socketioredis.redis.springdata.AdapterConnectionFactory;
import dev.socketioredis.redis.springdata.OrderedMessageListenerContainer;
import dev.socketioredis.redis.RedisPubSub;
import dev.socketioredis.redis.springdata.SpringDataRedisPubSub;
import dev.socketioredis.server.SocketIoEventLoops;
import dev.socketioredis.server.SocketIoServerCustomizer;
import dev.socketioredis.server.SocketIoServerLifecycle;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.resource.Delay;


import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * Auto-configuration of the Redis cluster adapter and the {@link Emitter}, on Spring Boot's Redis connection.
 *
 * <p>
 * Two connection roles: the publisher (publishing, {@code PUBSUB NUMSUB}) and the subscriber (the dedicated listener
 * container). Both use a copy of the application's {@link RedisConnectionFactory} on the Socket.IO server's event
 * loops ({@link AdapterConnectionFactory}) unless a factory bean is named or qualified {@value #PUBLISHER} or
 * {@value #SUBSCRIBER}; declare it with {@code @Bean(defaultCandidate = false)} so that it does not replace Boot's
 * own.
 */
@AutoConfiguration(after = DataRedisAutoConfiguration.class)
@ConditionalOnClass(RedisConnectionFactory.class)
@ConditionalOnBean(RedisConnectionFactory.class)
@ConditionalOnBooleanProperty(name = "socketio.redis.enabled", matchIfMissing = true)
@EnableConfigurationProperties(SocketIoRedisProperties.class)
public final class SocketIoRedisAutoConfiguration {

	private static final String TRANSPORT = "socketio.redis.transport";

	/** Name or qualifier of a {@link RedisConnectionFactory} bean to publish through. */
	public static final String PUBLISHER = "socketIoRedisPublisher";

	/** Name or qualifier of a {@link RedisConnectionFactory} bean to subscribe through. */
	public static final String SUBSCRIBER = "socketIoRedisSubscriber";

	/**
	 * Lettuce's defaults suit a cache client, not a cluster adapter: reconnect attempts spaced up to 30 s apart would
	 * keep the nodes apart long after Redis is back, and commands queued while disconnected would hold every broadcast
	 * of an outage in memory, then deliver them late, and keep shutdown and health checks waiting.
	 */
	@Bean
	ClientResourcesBuilderCustomizer socketIoRedisReconnectDelay(SocketIoRedisProperties properties) {
		return (builder) -> builder.reconnectDelay(Delay.constant(properties.getReconnectDelay()));
	}

	/**
	 * Lettuce's timeouts (of commands, before reconnecting) on the node's event loops, where its own timer would be a
	 * thread waking ten times a second for as long as the application runs, whatever it does.
	 */
	@Bean
	ClientResourcesBuilderCustomizer socketIoRedisTimer(ObjectProvider<SocketIoEventLoops> eventLoops,
			SocketIoRedisProperties properties) {
		return (builder) -> {
			SocketIoEventLoops loops = properties.isSharedEventLoops() ? eventLoops.getIfAvailable() : null;
			if (loops != null) {
				builder.timer(new EventLoopTimer(loops.group()));
			}
		};
	}

	@Bean
	LettuceClientOptionsBuilderCustomizer socketIoRedisDisconnectedBehavior(SocketIoRedisProperties properties) {
		return (builder) -> {
			if (properties.isRejectCommandsWhileDisconnected()) {
				builder.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
			}
		};
	}

	/**
	 * The factory of the publisher and the subscriber unless one is named: a copy of the application's on the Socket.IO
	 * server's event loops, or the application's.
	 */
	@Bean
	AdapterConnectionFactory socketIoRedisAdapterConnectionFactory(RedisConnectionFactory redisConnectionFactory,
			ObjectProvider<SocketIoEventLoops> eventLoops, SocketIoRedisProperties properties) {
		SocketIoEventLoops loops = properties.isSharedEventLoops() ? eventLoops.getIfAvailable() : null;
		return (loops != null) ? AdapterConnectionFactory.onEventLoops(redisConnectionFactory, loops.group(),
				new EventLoopTimer(loops.group()), loops.transport().socketChannelClass(), loops.transport()::useFor)
				: AdapterConnectionFactory.of(redisConnectionFactory);
	}

	@Bean
	@ConditionalOnMissingBean
	ChannelNames socketIoChannelNames(SocketIoRedisProperties properties) {
		return new ChannelNames(properties.getKey());
	}

	/** Unless {@code socketio.redis.observe-publishes}, Boot's Lettuce observation skips the adapter's publishes. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "io.micrometer.observation.ObservationPredicate",
			"io.lettuce.core.tracing.LettuceObservationContext" })
	@ConditionalOnBooleanProperty(name = "socketio.redis.observe-publishes", havingValue = false, matchIfMissing = true)
	static class PublishObservationConfiguration {

		@Bean
		AdapterPublishObservationFilter socketIoAdapterPublishObservationFilter(SocketIoRedisProperties properties) {
			return new AdapterPublishObservationFilter(properties.getKey());
		}

	}

	/** Redis pub/sub, the protocol of Node's {@code createAdapter} and {@code @socket.io/redis-emitter}. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = TRANSPORT, havingValue = "classic", matchIfMissing = true)
	static class ClassicConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "socketIoRedisMessageListenerContainer")
		RedisMessageListenerContainer socketIoRedisMessageListenerContainer(AdapterConnectionFactory adapterFactory,
				@Qualifier(SUBSCRIBER) ObjectProvider<RedisConnectionFactory> subscriber) {
			OrderedMessageListenerContainer container = new OrderedMessageListenerContainer(
					subscriber.getIfAvailable(adapterFactory::get), "socketio-redis-");
			// subscribed before the server accepts clients, unsubscribed after it closed
			container.setPhase(SocketIoServerLifecycle.PHASE - 1);
			return container;
		}

		@Bean
		@ConditionalOnMissingBean
		RedisPubSub socketIoRedisPubSub(AdapterConnectionFactory adapterFactory,
				@Qualifier(PUBLISHER) ObjectProvider<RedisConnectionFactory> publisher,
				@Qualifier("socketIoRedisMessageListenerContainer") RedisMessageListenerContainer listenerContainer) {
			return new SpringDataRedisPubSub(publisher.getIfAvailable(adapterFactory::get), listenerContainer);
		}

		@Bean
		@ConditionalOnMissingBean
		BroadcastCodec socketIoBroadcastCodec() {
			return new BroadcastCodec();
		}

		@Bean
		@ConditionalOnMissingBean
		ClassicCodec socketIoClassicCodec() {
			return new ClassicCodec();
		}

		@Bean
		@ConditionalOnMissingBean
		Emitter socketIoEmitter(RedisPubSub pubSub, ChannelNames channelNames, BroadcastCodec codec,
				ClassicCodec messageCodec) {
			return new Emitter(pubSub, channelNames, codec, messageCodec);
		}

	}

	/**
	 * Redis 7 sharded pub/sub, the protocol of Node's {@code createShardedAdapter}, on the Lettuce client behind the
	 * application's connection factory (Spring Data Redis has no sharded pub/sub).
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = TRANSPORT, havingValue = "sharded")
	static class ShardedConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ShardedChannels socketIoShardedChannels(ChannelNames channelNames, SocketIoRedisProperties properties) {
			if (properties.isChannelMultiplexing()) {
				throw new InvalidConfigurationPropertyValueException("socketio.redis.channel-multiplexing", true,
						"The sharded transport subscribes to the channels of rooms as its subscription mode says "
								+ "(socketio.redis.subscription-mode); channel multiplexing is for the classic one. "
								+ "Remove the property.");
			}
			return new ShardedChannels(channelNames, properties.getSubscriptionMode());
		}

		@Bean
		@ConditionalOnMissingBean
		ClusterAdapterCodec socketIoClusterAdapterCodec() {
			return new ClusterAdapterCodec();
		}

		@Bean
		@ConditionalOnMissingBean
		ShardedPubSub socketIoShardedPubSub(AdapterConnectionFactory adapterFactory,
				SocketIoRedisProperties properties) {
			RedisConnectionFactory redisConnectionFactory = adapterFactory.get();
			if (!(redisConnectionFactory instanceof LettuceConnectionFactory lettuce)) {
				throw new IllegalStateException("The sharded transport (socketio.redis.transport=sharded) needs "
						+ "Lettuce, but the Redis connection factory is a " + redisConnectionFactory.getClass().getName());
			}
			if (lettuce.getNativeClient() == null) {
				lettuce.start();
			}
			return new LettuceShardedPubSub(Objects.requireNonNull(lettuce.getNativeClient()),
					properties.getReconnectDelay(), properties.getRequestsTimeout());
		}

		@Bean
		@ConditionalOnMissingBean
		Emitter socketIoEmitter(ShardedPubSub pubSub, ShardedChannels channels, ClusterAdapterCodec codec) {
			return Emitter.sharded(pubSub, channels, codec);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SocketIOServer.class)
	@ConditionalOnSocketIoServerEnabled
	static class AdapterConfiguration {

		@Bean
		RoomEventPublisher socketIoRoomEventPublisher(ApplicationEventPublisher applicationEventPublisher) {
			return new RoomEventPublisher(applicationEventPublisher);
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnProperty(name = TRANSPORT, havingValue = "classic", matchIfMissing = true)
		ClusterTransport.Factory socketIoClusterTransports(SocketIoRedisProperties properties,
				ChannelNames channelNames, RedisPubSub pubSub, BroadcastCodec codec, ClassicCodec messageCodec,
				ObjectProvider<AdapterObserver> observer) {
			return new PubSubTransports(new PubSubSettings(channelNames, pubSub, codec, messageCodec,
					properties.isChannelMultiplexing(), properties.isPublishOnSpecificResponseChannel(),
					properties.getReconnectDelay(), observer.getIfAvailable(() -> AdapterObserver.NONE)));
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnProperty(name = TRANSPORT, havingValue = "sharded")
		ClusterTransport.Factory socketIoShardedClusterTransports(SocketIoRedisProperties properties,
				ShardedChannels channels, ShardedPubSub pubSub, ClusterAdapterCodec codec,
				ObjectProvider<AdapterObserver> observer) {
			return new ShardedTransports(new ShardedSettings(channels, pubSub, codec, properties.getReconnectDelay(),
					observer.getIfAvailable(() -> AdapterObserver.NONE)));
		}

		@Bean
		@ConditionalOnMissingBean
		NamespaceRegistry socketIoNamespaceRegistry(SocketIoRedisProperties properties,
				ClusterTransport.Factory transports, ObjectProvider<RoomEventListener> roomEventListeners,
				ObjectProvider<ServerSideEventListener> serverSideEventListeners,
				ObjectProvider<AdapterObserver> observer) {
			return new NamespaceRegistry(new EngineSettings(properties.getRequestsTimeout(),
					roomEventListeners.orderedStream().toList(), serverSideEventListeners.orderedStream().toList(),
					observer.getIfAvailable(() -> AdapterObserver.NONE)), transports);
		}

		@Bean
		@ConditionalOnMissingBean
		RedisStoreFactory socketIoRedisStoreFactory(NamespaceRegistry registry) {
			return new RedisStoreFactory(registry);
		}

		@Bean
		@ConditionalOnMissingBean
		SocketIoCluster socketIoCluster(NamespaceRegistry registry) {
			return new SocketIoCluster(registry);
		}

		@Bean
		SocketIoServerCustomizer socketIoRedisStoreFactoryCustomizer(RedisStoreFactory storeFactory) {
			return (configuration) -> configuration.setStoreFactory(storeFactory);
		}

	}

}
