package dev.socketioredis.autoconfigure;

import dev.socketioredis.adapter.AdapterObserver;
import dev.socketioredis.autoconfigure.metrics.SocketIoMetricsAutoConfiguration;
import dev.socketioredis.metrics.SocketIoMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SocketIoMetricsAutoConfiguration}: the meters, with Micrometer and a registry only.
 */
class SocketIoMetricsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = ContextRunners
		.clusteredServer(SocketIoMetricsAutoConfiguration.class);

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

}
