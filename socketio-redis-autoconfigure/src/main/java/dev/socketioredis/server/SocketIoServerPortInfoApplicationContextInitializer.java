package dev.socketioredis.server;

import java.util.HashMap;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;

/**
 * Sets {@code local.socketio.server.port} to the port the server actually listens on, so that tests with
 * {@code socketio.server.port=0} can inject it with {@code @Value("${local.socketio.server.port}")}.
 */
public class SocketIoServerPortInfoApplicationContextInitializer
		implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	public static final String PROPERTY = "local.socketio.server.port";

	private static final String PROPERTY_SOURCE = "socketio.server.ports";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		context.addApplicationListener((SocketIoServerStartedEvent event) -> setPort(context, event.getPort()));
	}

	@SuppressWarnings("unchecked")
	private static void setPort(ConfigurableApplicationContext context, int port) {
		MutablePropertySources sources = context.getEnvironment().getPropertySources();
		PropertySource<?> source = sources.get(PROPERTY_SOURCE);
		if (source == null) {
			source = new MapPropertySource(PROPERTY_SOURCE, new HashMap<>());
			sources.addFirst(source);
		}
		((Map<String, Object>) source.getSource()).put(PROPERTY, port);
	}

}
