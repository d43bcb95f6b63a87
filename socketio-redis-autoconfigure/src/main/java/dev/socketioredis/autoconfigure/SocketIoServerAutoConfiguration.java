package dev.socketioredis.autoconfigure;

import java.time.Duration;

import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketIOServer;
import dev.socketioredis.concurrent.EventLoopTimer;
import dev.socketioredis.server.NodeTransport;
import dev.socketioredis.server.SharedLoopsSocketIOServer;
import dev.socketioredis.server.SocketIoEventLoops;
import dev.socketioredis.server.SocketIoServerCustomizer;
import dev.socketioredis.server.SocketIoServerLifecycle;
import dev.socketioredis.transport.ClientFaults;
import dev.socketioredis.transport.NodeCompatibleChannelInitializer;
import dev.socketioredis.transport.NodeCompatibleJsonSupport;
import io.lettuce.core.resource.Transports;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;

/**
 * Auto-configuration of the embedded netty-socketio {@link SocketIOServer} and its lifecycle. The Redis adapter joins
 * in through a {@link SocketIoServerCustomizer} of {@link SocketIoRedisAutoConfiguration}.
 */
@AutoConfiguration
@ConditionalOnClass(SocketIOServer.class)
@ConditionalOnSocketIoServerEnabled
@EnableConfigurationProperties(SocketIoServerProperties.class)
public final class SocketIoServerAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SocketIoEventLoops socketIoEventLoops(SocketIoServerProperties properties) {
		Integer threads = properties.getEventLoopThreads();
		return new SocketIoEventLoops((threads != null) ? threads : Runtime.getRuntime().availableProcessors(),
				nodeTransport());
	}

	/**
	 * Lettuce's transport, so that the adapter's Redis connections can run on the node's loops: Linux's io_uring
	 * (the starter brings Netty's jar) or epoll where its jar is present and it runs (epoll first when both do;
	 * {@code -Dio.lettuce.core.iouring=false} and {@code -Dio.lettuce.core.epoll=false} turn them off), else NIO.
	 */
	private static NodeTransport nodeTransport() {
		if (!ClassUtils.isPresent("io.lettuce.core.resource.Transports", null)) {
			return NodeTransport.NIO;
		}
		return NodeTransport.ofSocketChannel(Transports.socketChannelClass()).orElse(NodeTransport.NIO);
	}

	@Bean
	@ConditionalOnMissingBean
	ClientFaults socketIoClientFaults() {
		return new ClientFaults();
	}

	@Bean
	@ConditionalOnMissingBean
	SocketIOServer socketIoServer(SocketIoServerProperties properties, ClientFaults clientFaults,
			SocketIoEventLoops eventLoops, ObjectProvider<SocketIoServerCustomizer> customizers) {
		Configuration configuration = new Configuration();
		configuration.setJsonSupport(new NodeCompatibleJsonSupport());
		configuration.setExceptionListener(clientFaults);
		PropertyMapper map = PropertyMapper.get();
		map.from(properties::getHost).to(configuration::setHostname);
		map.from(properties::getPort).to(configuration::setPort);
		map.from(properties::getContext).to(configuration::setContext);
		map.from(properties::getOrigin).to(configuration::setOrigin);
		map.from(properties::getPingInterval).as(SocketIoServerAutoConfiguration::millis).to(configuration::setPingInterval);
		map.from(properties::getPingTimeout).as(SocketIoServerAutoConfiguration::millis).to(configuration::setPingTimeout);
		map.from(properties::getAckMode).to(configuration::setAckMode);
		map.from(properties::isWebsocketCompression).to(configuration::setWebsocketCompression);
		// a restarted node must be able to bind while the previous one's sockets linger in TIME_WAIT
		configuration.getSocketConfig().setReuseAddress(true);
		// as Socket.IO does, every handshake gets a new id: netty-socketio would otherwise take it from the "io"
		// cookie it sets, so that a browser's next connection shares the id of its previous one
		configuration.setRandomSession(true);
		customizers.orderedStream().forEach((customizer) -> customizer.customize(configuration));
		SocketIOServer server = new SharedLoopsSocketIOServer(configuration, eventLoops);
		// the server's timeouts run on the node's loops: no timer thread waking ten times a second
		new NodeCompatibleChannelInitializer(properties.getMaxPendingWriteBytes().toBytes(),
				configuration.getJsonSupport(), new EventLoopTimer(eventLoops.group()))
			.installOn(server);
		return server;
	}

	private static int millis(Duration duration) {
		return Math.toIntExact(duration.toMillis());
	}

	@Bean
	@ConditionalOnMissingBean
	SocketIoServerLifecycle socketIoServerLifecycle(SocketIOServer socketIoServer, SocketIoServerProperties properties,
			ApplicationEventPublisher eventPublisher) {
		return new SocketIoServerLifecycle(socketIoServer, eventPublisher, properties.isAutoStartup());
	}

}
