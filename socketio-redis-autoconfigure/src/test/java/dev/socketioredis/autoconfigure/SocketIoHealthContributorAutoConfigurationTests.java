package dev.socketioredis.autoconfigure;

import dev.socketioredis.autoconfigure.health.SocketIoHealthContributorAutoConfiguration;
import dev.socketioredis.health.SocketIoHealthIndicator;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SocketIoHealthContributorAutoConfiguration}: the {@code socketio} health indicator.
 */
class SocketIoHealthContributorAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = ContextRunners
		.clusteredServer(SocketIoHealthContributorAutoConfiguration.class);

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

}
