package dev.socketioredis.redis.springdata;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import dev.socketioredis.redis.lettuce.BorrowedEventLoops;
import dev.socketioredis.redis.lettuce.LoopsNettyCustomizer;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.protocol.ProtocolVersion;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.NettyCustomizer;
import io.lettuce.core.resource.Transports;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.util.Timer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.RedisConfiguration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration.LettuceClientConfigurationBuilder;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration.LettuceSslClientConfigurationBuilder;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * The connection factory the adapter publishes and subscribes through when none is named. On a node with its own
 * event loops, a copy of the application's Lettuce factory (the same Redis, credentials, TLS, client options and
 * timeouts) whose connections run on those loops, where the Socket.IO server's connections run: a message read from
 * Redis is written to the clients of its loop on that thread, without waking another one per delivery. Its
 * connections speak RESP2, as Node's adapter's do: over RESP3 Lettuce reads each message twice, as a push message and
 * again as a pub/sub one.
 *
 * <p>
 * The copy is the adapter's alone. The application's own Redis calls keep the application's connections, on
 * Lettuce's loops: a blocking call in an event handler (a client's event loop) would otherwise wait for an answer that
 * only its own thread can read.
 */
public final class AdapterConnectionFactory implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(AdapterConnectionFactory.class);

	private final RedisConnectionFactory factory;

	private final @Nullable ClientResources ownResources;

	private AdapterConnectionFactory(RedisConnectionFactory factory, @Nullable ClientResources ownResources) {
		this.factory = factory;
		this.ownResources = ownResources;
	}

	/** The application's factory itself. */
	public static AdapterConnectionFactory of(RedisConnectionFactory application) {
		return new AdapterConnectionFactory(application, null);
	}

	/**
	 * A copy of the application's factory on the given loops, or the application's own when that cannot be: it is not
	 * Lettuce's, or Lettuce's connections are channels of another kind than the loops run.
	 * @param timer what Lettuce's timeouts (of commands, before reconnecting) run on, such as the loops
	 * @param loopsChannelClass the class of the connections the loops run
	 * @param loopsSetup what a connection made on the loops needs of them, set on its bootstrap
	 */
	public static AdapterConnectionFactory onEventLoops(RedisConnectionFactory application, EventLoopGroup loops,
			Timer timer, Class<? extends Channel> loopsChannelClass, Consumer<Bootstrap> loopsSetup) {
		if (!(application instanceof LettuceConnectionFactory lettuce)) {
			return of(application);
		}
		if (Transports.socketChannelClass() != loopsChannelClass) {
			logger.info("The adapter's Redis connections run on Lettuce's event loops: its connections are {}, the "
					+ "node's loops run {}", Transports.socketChannelClass().getSimpleName(),
					loopsChannelClass.getSimpleName());
			return of(application);
		}
		RedisConfiguration configuration = configurationOf(lettuce);
		if (configuration == null) {
			return of(application);
		}
		LettuceClientConfiguration client = lettuce.getClientConfiguration();
		NettyCustomizer applicationCustomizer = client.getClientResources()
			.map(ClientResources::nettyCustomizer)
			.orElseGet(() -> new NettyCustomizer() {
			});
		ClientResources resources = client.getClientResources()
			.map(ClientResources::mutate) // the application's settings: reconnect delay, tracing, ...
			.orElseGet(ClientResources::builder)
			.eventLoopGroupProvider(new BorrowedEventLoops(loops))
			.nettyCustomizer(new LoopsNettyCustomizer(applicationCustomizer, loopsSetup))
			.timer(timer)
			.build();
		LettuceConnectionFactory copy = new LettuceConnectionFactory(configuration,
				withResources(client, resp2(client, configuration), resources));
		copy.afterPropertiesSet();
		copy.start();
		return new AdapterConnectionFactory(copy, resources);
	}

	/**
	 * Spring Data Redis keeps the kind of Redis a factory connects to (standalone, socket, sentinel, cluster or static
	 * master/replica) in one field and has a getter for each kind but the last: the field is read.
	 */
	private static @Nullable RedisConfiguration configurationOf(LettuceConnectionFactory factory) {
		try {
			VarHandle field = MethodHandles.privateLookupIn(LettuceConnectionFactory.class, MethodHandles.lookup())
				.findVarHandle(LettuceConnectionFactory.class, "configuration", RedisConfiguration.class);
			return (RedisConfiguration) field.get(factory);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			logger.info("The adapter's Redis connections run on Lettuce's event loops: this Spring Data Redis does "
					+ "not say what its LettuceConnectionFactory connects to ({})", ex.toString());
			return null;
		}
	}

	/** The application's client options, or Lettuce's defaults, with RESP2. */
	private static ClientOptions resp2(LettuceClientConfiguration client, RedisConfiguration configuration) {
		ClientOptions.Builder options = client.getClientOptions()
			.map(ClientOptions::mutate)
			.orElseGet(() -> (configuration instanceof RedisClusterConfiguration) ? ClusterClientOptions.builder()
					: ClientOptions.builder());
		return options.protocolVersion(ProtocolVersion.RESP2).build();
	}

	private static LettuceClientConfiguration withResources(LettuceClientConfiguration source, ClientOptions options,
			ClientResources resources) {
		LettuceClientConfigurationBuilder builder = LettuceClientConfiguration.builder()
			.clientResources(resources)
			.commandTimeout(source.getCommandTimeout())
			.shutdownTimeout(source.getShutdownTimeout())
			.shutdownQuietPeriod(source.getShutdownQuietPeriod())
			.clientOptions(options);
		source.getClientName().ifPresent(builder::clientName);
		source.getReadFrom().ifPresent(builder::readFrom);
		source.getRedisCredentialsProviderFactory().ifPresent(builder::redisCredentialsProviderFactory);
		if (!source.isUseSsl()) {
			return builder.build();
		}
		LettuceSslClientConfigurationBuilder ssl = builder.useSsl().verifyPeer(source.getVerifyMode());
		if (source.isStartTls()) {
			ssl.startTls();
		}
		return ssl.build();
	}

	public RedisConnectionFactory get() {
		return this.factory;
	}

	/** Closes the copy's connections, if it made any; the loops and the application's factory are not its own. */
	@Override
	public void destroy() {
		ClientResources resources = this.ownResources;
		if (resources != null) {
			((LettuceConnectionFactory) this.factory).destroy();
			resources.shutdown(0, Duration.ofSeconds(2).toMillis(), TimeUnit.MILLISECONDS);
		}
	}

}
