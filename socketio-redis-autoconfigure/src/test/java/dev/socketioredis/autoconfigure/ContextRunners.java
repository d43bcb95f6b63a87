package dev.socketioredis.autoconfigure;

import java.util.List;
import java.util.stream.Stream;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The context of the auto-configuration tests: a clustered server that is not started, and Redis never reached. */
final class ContextRunners {

	private ContextRunners() {
	}

	/** Spring Boot's Redis, the starter's server and Redis auto-configurations, and these. */
	static ApplicationContextRunner clusteredServer(Class<?>... more) {
		Class<?>[] configurations = Stream.concat(Stream.of(DataRedisAutoConfiguration.class,
				SocketIoRedisAutoConfiguration.class, SocketIoServerAutoConfiguration.class), List.of(more).stream())
			.toArray(Class<?>[]::new);
		return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(configurations))
			.withPropertyValues("socketio.server.auto-startup=false");
	}

}
