package dev.socketioredis.sample;

import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /config}: what the chat page needs to connect to the Socket.IO server of the node that served it, which
 * listens on a port of its own ({@code PORT}) beside the HTTP one ({@code HTTP_PORT}).
 */
@RestController
class ChatPageConfigController {

	private final Environment environment;

	private final String serverId;

	ChatPageConfigController(Environment environment, @Value("${sample.server-id}") String serverId) {
		this.environment = environment;
		this.serverId = serverId;
	}

	@GetMapping("/config")
	Map<String, Object> config() {
		return Map.of("socketIoPort", socketIoPort(this.environment), "serverId", this.serverId);
	}

	/** The port the Socket.IO server listens on (the real one when configured as 0). */
	static int socketIoPort(Environment environment) {
		Integer port = environment.getProperty("local.socketio.server.port", Integer.class);
		return (port != null) ? port : environment.getRequiredProperty("socketio.server.port", Integer.class);
	}

}
