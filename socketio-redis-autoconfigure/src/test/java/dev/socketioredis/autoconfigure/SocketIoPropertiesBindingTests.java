package dev.socketioredis.autoconfigure;

import java.time.Duration;
import java.util.Map;

import com.corundumstudio.socketio.AckMode;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SocketIoServerProperties} and {@link SocketIoRedisProperties}: their defaults, and every property bound from
 * the forms Spring Boot accepts (durations, data sizes, enums in kebab case).
 */
class SocketIoPropertiesBindingTests {

	@Test
	void serverPropertiesHaveTheDocumentedDefaults() {
		SocketIoServerProperties server = new SocketIoServerProperties();
		assertThat(server.isEnabled()).isTrue();
		assertThat(server.isAutoStartup()).isTrue();
		assertThat(server.getHost()).isNull();
		assertThat(server.getPort()).isEqualTo(9092);
		assertThat(server.getContext()).isEqualTo("/socket.io");
		assertThat(server.getOrigin()).isNull();
		assertThat(server.getPingInterval()).isEqualTo(Duration.ofSeconds(25));
		assertThat(server.getPingTimeout()).isEqualTo(Duration.ofSeconds(20));
		assertThat(server.getMaxPendingWriteBytes()).isEqualTo(DataSize.ofMegabytes(8));
		assertThat(server.getAckMode()).isEqualTo(AckMode.MANUAL);
	}

	@Test
	void serverPropertiesBind() {
		SocketIoServerProperties server = bind("socketio.server", SocketIoServerProperties.class,
				Map.of("socketio.server.enabled", "false", "socketio.server.auto-startup", "false",
						"socketio.server.host", "127.0.0.1", "socketio.server.port", "0", "socketio.server.context",
						"/rt", "socketio.server.origin", "https://app.example", "socketio.server.ping-interval", "5s",
						"socketio.server.ping-timeout", "1500ms", "socketio.server.max-pending-write-bytes", "2MB",
						"socketio.server.ack-mode", "auto-success-only"));
		assertThat(server.isEnabled()).isFalse();
		assertThat(server.isAutoStartup()).isFalse();
		assertThat(server.getHost()).isEqualTo("127.0.0.1");
		assertThat(server.getPort()).isZero();
		assertThat(server.getContext()).isEqualTo("/rt");
		assertThat(server.getOrigin()).isEqualTo("https://app.example");
		assertThat(server.getPingInterval()).isEqualTo(Duration.ofSeconds(5));
		assertThat(server.getPingTimeout()).isEqualTo(Duration.ofMillis(1500));
		assertThat(server.getMaxPendingWriteBytes()).isEqualTo(DataSize.ofMegabytes(2));
		assertThat(server.getAckMode()).isEqualTo(AckMode.AUTO_SUCCESS_ONLY);
	}

	@Test
	void redisPropertiesHaveTheDocumentedDefaults() {
		SocketIoRedisProperties redis = new SocketIoRedisProperties();
		assertThat(redis.isEnabled()).isTrue();
		assertThat(redis.getKey()).isEqualTo("socket.io");
		assertThat(redis.getRequestsTimeout()).isEqualTo(Duration.ofSeconds(5));
		assertThat(redis.isPublishOnSpecificResponseChannel()).isFalse();
		assertThat(redis.isChannelMultiplexing()).isFalse();
		assertThat(redis.getReconnectDelay()).isEqualTo(Duration.ofMillis(500));
		assertThat(redis.isRejectCommandsWhileDisconnected()).isTrue();
	}

	@Test
	void redisPropertiesBind() {
		SocketIoRedisProperties redis = bind("socketio.redis", SocketIoRedisProperties.class,
				Map.of("socketio.redis.enabled", "false", "socketio.redis.key", "myapp",
						"socketio.redis.requests-timeout", "2s", "socketio.redis.publish-on-specific-response-channel",
						"true", "socketio.redis.channel-multiplexing", "true", "socketio.redis.reconnect-delay", "1s",
						"socketio.redis.reject-commands-while-disconnected", "false"));
		assertThat(redis.isEnabled()).isFalse();
		assertThat(redis.getKey()).isEqualTo("myapp");
		assertThat(redis.getRequestsTimeout()).isEqualTo(Duration.ofSeconds(2));
		assertThat(redis.isPublishOnSpecificResponseChannel()).isTrue();
		assertThat(redis.isChannelMultiplexing()).isTrue();
		assertThat(redis.getReconnectDelay()).isEqualTo(Duration.ofSeconds(1));
		assertThat(redis.isRejectCommandsWhileDisconnected()).isFalse();
	}

	private static <T> T bind(String prefix, Class<T> type, Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bind(prefix, type).get();
	}

}
