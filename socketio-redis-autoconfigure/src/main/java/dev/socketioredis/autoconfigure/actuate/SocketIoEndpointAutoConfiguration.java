package dev.socketioredis.autoconfigure.actuate;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.socketioredis.actuate.SocketIoEndpoint;
import dev.socketioredis.adapter.NamespaceRegistry;
import dev.socketioredis.autoconfigure.SocketIoRedisAutoConfiguration;
import dev.socketioredis.autoconfigure.SocketIoRedisProperties;
import dev.socketioredis.autoconfigure.SocketIoServerAutoConfiguration;
import dev.socketioredis.autoconfigure.SocketIoServerProperties;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code socketio} actuator endpoint.
 */
@AutoConfiguration(after = { SocketIoRedisAutoConfiguration.class, SocketIoServerAutoConfiguration.class })
@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnBean({ NamespaceRegistry.class, SocketIoServerProperties.class, SocketIoRedisProperties.class })
public final class SocketIoEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnAvailableEndpoint
	SocketIoEndpoint socketIoEndpoint(NamespaceRegistry registry, SocketIoServerProperties server,
			SocketIoRedisProperties redis) {
		return new SocketIoEndpoint(registry, settings(server, redis));
	}

	private static Map<String, Object> settings(SocketIoServerProperties server, SocketIoRedisProperties redis) {
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("socketio.server.host", String.valueOf(server.getHost()));
		settings.put("socketio.server.port", server.getPort());
		settings.put("socketio.server.context", server.getContext());
		settings.put("socketio.server.ping-interval", server.getPingInterval().toString());
		settings.put("socketio.server.ping-timeout", server.getPingTimeout().toString());
		settings.put("socketio.redis.key", redis.getKey());
		settings.put("socketio.redis.channel-multiplexing", redis.isChannelMultiplexing());
		settings.put("socketio.redis.requests-timeout", redis.getRequestsTimeout().toString());
		settings.put("socketio.redis.publish-on-specific-response-channel",
				redis.isPublishOnSpecificResponseChannel());
		return settings;
	}

}
