package dev.socketioredis.sample;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Logs where the chat page and the actuator are once the node is ready: the HTTP port is random unless
 * {@code HTTP_PORT} is set, so that several nodes on one machine never collide.
 */
@Component
class ChatUrlLogger {

	private static final Logger logger = LoggerFactory.getLogger(ChatUrlLogger.class);

	private final String serverId;

	ChatUrlLogger(@Value("${sample.server-id}") String serverId) {
		this.serverId = serverId;
	}

	@EventListener
	void ready(ApplicationReadyEvent event) {
		Environment environment = event.getApplicationContext().getEnvironment();
		String port = environment.getProperty("local.server.port");
		if (port == null) {
			return; // no web server
		}
		String host = environment.getProperty("server.address", "127.0.0.1");
		String base = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
		logger.info("Node {}: chat {}/ (Socket.IO port {}), actuator {}/actuator/health", this.serverId, base,
				ChatPageConfigController.socketIoPort(environment), base);
	}

}
