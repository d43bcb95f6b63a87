package dev.socketioredis.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Socket.IO node of a Redis cluster that implements the benchmark contract ({@code bench/CONTRACT.md}) and the
 * cluster hooks ({@code bench/CLUSTER-HOOKS.md}) on {@code /} and {@code /admin}. Configured from the environment
 * only: {@code PORT}, {@code HOST}, {@code REDIS_HOST}, {@code REDIS_PORT}, {@code SERVER_ID}, and for a Redis
 * Cluster {@code REDIS_CLUSTER_NODES}, {@code ADAPTER}, {@code SUBSCRIPTION_MODE} (see
 * {@code application.properties}).
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
