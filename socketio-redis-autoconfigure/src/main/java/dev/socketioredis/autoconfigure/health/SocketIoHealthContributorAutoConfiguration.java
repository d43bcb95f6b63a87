package dev.socketioredis.autoconfigure.health;

import dev.socketioredis.adapter.NamespaceRegistry;
import dev.socketioredis.autoconfigure.SocketIoRedisAutoConfiguration;
import dev.socketioredis.autoconfigure.SocketIoServerAutoConfiguration;
import dev.socketioredis.health.SocketIoHealthIndicator;
import dev.socketioredis.server.SocketIoServerLifecycle;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code socketio} health indicator ({@code management.health.socketio.enabled}).
 */
@AutoConfiguration(after = { SocketIoRedisAutoConfiguration.class, SocketIoServerAutoConfiguration.class })
@ConditionalOnClass(AbstractHealthIndicator.class)
@ConditionalOnBean({ NamespaceRegistry.class, SocketIoServerLifecycle.class })
@ConditionalOnEnabledHealthIndicator("socketio")
public final class SocketIoHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "socketioHealthIndicator")
	SocketIoHealthIndicator socketioHealthIndicator(SocketIoServerLifecycle server, NamespaceRegistry registry) {
		return new SocketIoHealthIndicator(server, registry);
	}

}
