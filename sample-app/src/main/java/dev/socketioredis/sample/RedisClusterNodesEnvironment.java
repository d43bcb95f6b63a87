package dev.socketioredis.sample;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code REDIS_CLUSTER_NODES} (bench/CLUSTER-HOOKS.md), when set and not empty, names the seed nodes of a Redis
 * Cluster: Spring Boot's {@code spring.data.redis.cluster.nodes}. A property placeholder cannot say "only when set":
 * an empty {@code cluster.nodes} would still make Boot connect to a cluster.
 */
class RedisClusterNodesEnvironment implements EnvironmentPostProcessor {

	static final String VARIABLE = "REDIS_CLUSTER_NODES";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String nodes = environment.getProperty(VARIABLE, "");
		if (!nodes.isBlank()) {
			environment.getPropertySources()
				.addFirst(new MapPropertySource(VARIABLE, Map.of("spring.data.redis.cluster.nodes", nodes)));
		}
	}

}
