package dev.socketioredis.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the Redis cluster adapter and the emitter. The Redis connection itself is Spring Boot's
 * ('spring.data.redis.*').
 */
@ConfigurationProperties("socketio.redis")
public class SocketIoRedisProperties {

	/**
	 * Whether to cluster through Redis and provide the Emitter.
	 */
	private boolean enabled = true;

	/**
	 * Prefix of every channel name, the 'key' option of the Node adapter and emitter. Every node and emitter of one
	 * cluster must use the same.
	 */
	private String key = "socket.io";

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getKey() {
		return this.key;
	}

	public void setKey(String key) {
		this.key = key;
	}

}
