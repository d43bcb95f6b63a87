package dev.socketioredis.autoconfigure.metrics;

import dev.socketioredis.metrics.SocketIoMetrics;
import dev.socketioredis.transport.ClientFaults;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * Auto-configuration of {@link SocketIoMetrics}, when Micrometer has a {@link MeterRegistry}.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass({ MeterRegistry.class, RedisMessageListenerContainer.class })
@ConditionalOnBean(MeterRegistry.class)
public final class SocketIoMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SocketIoMetrics socketIoMetrics(
			@Qualifier("socketIoRedisMessageListenerContainer") ObjectProvider<RedisMessageListenerContainer> container,
			ObjectProvider<ClientFaults> clientFaults) {
		return new SocketIoMetrics(container.getIfAvailable(), clientFaults.getIfAvailable());
	}

}
