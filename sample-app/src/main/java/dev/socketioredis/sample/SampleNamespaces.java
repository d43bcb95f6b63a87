package dev.socketioredis.sample;

import java.util.List;

import com.corundumstudio.socketio.SocketIONamespace;
import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.namespace.Namespace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Registers every {@link NamespaceHandlers} bean on the default namespace and on {@code /admin}: the cluster hooks
 * ({@code bench/CLUSTER-HOOKS.md}) are served on both. Runs once every singleton exists, hence before the starter's
 * lifecycle starts the server, so that the adapters of both namespaces exist from the start.
 */
@Component
class SampleNamespaces implements SmartInitializingSingleton {

	/** The second namespace of the sample. */
	static final String ADMIN = "/admin";

	private static final Logger logger = LoggerFactory.getLogger(SampleNamespaces.class);

	private final SocketIOServer server;

	private final List<NamespaceHandlers> handlers;

	private final String serverId;

	SampleNamespaces(SocketIOServer server, List<NamespaceHandlers> handlers,
			@Value("${sample.server-id}") String serverId) {
		this.server = server;
		this.handlers = handlers;
		this.serverId = serverId;
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<SocketIONamespace> namespaces = List.of(this.server.getNamespace(Namespace.DEFAULT_NAME),
				this.server.addNamespace(ADMIN));
		for (SocketIONamespace namespace : namespaces) {
			this.handlers.forEach((handlers) -> handlers.registerOn(namespace));
		}
		logger.info("Node {}: handlers registered on / and {}", this.serverId, ADMIN);
	}

}
