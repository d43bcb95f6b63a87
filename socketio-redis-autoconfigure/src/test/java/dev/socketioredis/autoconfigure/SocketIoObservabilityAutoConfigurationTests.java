package dev.socketioredis.autoconfigure;

import dev.socketioredis.actuate.SocketIoEndpoint;
import dev.socketioredis.adapter.AdapterObserver;
import dev.socketioredis.autoconfigure.actuate.SocketIoEndpointAutoConfiguration;
import dev.socketioredis.autoconfigure.health.SocketIoHealthContributorAutoConfiguration;
import dev.socketioredis.autoconfigure.metrics.SocketIoMetricsAutoConfiguration;
import dev.socketioredis.health.SocketIoHealthIndicator;
import dev.socketioredis.metrics.SocketIoMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metrics, health and endpoint auto-configurations: on when their library and their condition are there, off
 * otherwise.
 */
class SocketIoObservabilityAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
				SocketIoRedisAutoConfiguration.class, SocketIoServerAutoConfiguration.class,
				SocketIoMetricsAutoConfiguration.class, SocketIoHealthContributorAutoConfiguration.class,
				SocketIoEndpointAutoConfiguration.class))
		.withPropertyValues("socketio.server.auto-startup=false");

	@Test
	void metricsNeedAMeterRegistry() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(SocketIoMetrics.class));
		this.contextRunner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run((context) -> {
			assertThat(context).hasSingleBean(SocketIoMetrics.class);
			assertThat(context.getBean(AdapterObserver.class)).isSameAs(context.getBean(SocketIoMetrics.class));
		});
	}

	@Test
	void metricsBackOffWithoutMicrometer() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).doesNotHaveBean(SocketIoMetrics.class));
	}

	@Test
	void healthIndicatorIsOnByDefaultAndCanBeDisabled() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(SocketIoHealthIndicator.class)
			.hasBean("socketioHealthIndicator"));
		this.contextRunner.withPropertyValues("management.health.socketio.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(SocketIoHealthIndicator.class));
	}

	@Test
	void healthIndicatorNeedsAClusteredServer() {
		this.contextRunner.withPropertyValues("socketio.server.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(SocketIoHealthIndicator.class));
	}

	@Test
	void endpointIsThereWhenExposed() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(SocketIoEndpoint.class));
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=socketio")
			.run((context) -> assertThat(context).hasSingleBean(SocketIoEndpoint.class));
	}

}
