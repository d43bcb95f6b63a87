package dev.socketioredis.autoconfigure;

import dev.socketioredis.actuate.SocketIoEndpoint;
import dev.socketioredis.autoconfigure.actuate.SocketIoEndpointAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SocketIoEndpointAutoConfiguration}: the {@code socketio} actuator endpoint.
 */
class SocketIoEndpointAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = ContextRunners
		.clusteredServer(SocketIoEndpointAutoConfiguration.class);

	@Test
	void endpointIsThereWhenExposed() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(SocketIoEndpoint.class));
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=socketio")
			.run((context) -> assertThat(context).hasSingleBean(SocketIoEndpoint.class));
	}

}
