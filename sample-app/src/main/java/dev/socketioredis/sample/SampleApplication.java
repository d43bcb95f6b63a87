package dev.socketioredis.sample;

import com.corundumstudio.socketio.AckMode;
import dev.socketioredis.server.SocketIoServerCustomizer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A Socket.IO node of a Redis cluster that implements the benchmark contract ({@code bench/CONTRACT.md}) and the
 * cluster hooks ({@code bench/CLUSTER-HOOKS.md}) on {@code /} and {@code /admin}. Configured from the environment
 * only: {@code PORT}, {@code HOST}, {@code REDIS_HOST}, {@code REDIS_PORT}, {@code SERVER_ID} (see
 * {@code application.properties}).
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

	/**
	 * Acknowledgements are sent by the handlers only ({@link Acks}): the cluster hooks answer when a cluster request
	 * completes, after their listener returned, and netty-socketio's default mode would acknowledge empty first.
	 */
	@Bean
	SocketIoServerCustomizer manualAcks() {
		return (configuration) -> configuration.setAckMode(AckMode.MANUAL);
	}

}
