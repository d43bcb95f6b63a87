package dev.socketioredis.test;

import java.util.ArrayList;
import java.util.List;

import com.corundumstudio.socketio.SocketIOServer;
import dev.socketioredis.emitter.Emitter;
import dev.socketioredis.server.SocketIoServerLifecycle;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * One Socket.IO node of a test cluster: a whole Spring Boot application with the starter's auto-configuration, on a
 * random port. A connecting client joins the rooms listed in its {@code room} query ({@code room=a,b}).
 */
public final class ClusterNode implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private ClusterNode(ConfigurableApplicationContext context) {
		this.context = context;
	}

	public static ClusterNode start(RedisTestServer redis, String... properties) {
		List<String> all = new ArrayList<>(redis.springProperties());
		all.add("socketio.server.port=0");
		all.add("socketio.server.host=127.0.0.1");
		all.addAll(List.of(properties));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(NodeApplication.class)
			.web(WebApplicationType.NONE)
			.properties(all.toArray(String[]::new))
			.run();
		return new ClusterNode(context);
	}

	public int port() {
		return this.context.getBean(SocketIoServerLifecycle.class).getPort();
	}

	public SocketIOServer server() {
		return this.context.getBean(SocketIOServer.class);
	}

	public Emitter emitter() {
		return this.context.getBean(Emitter.class);
	}

	public ConfigurableApplicationContext context() {
		return this.context;
	}

	@Override
	public void close() {
		this.context.close();
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class NodeApplication {

		@Bean
		RoomsFromQuery roomsFromQuery(SocketIOServer server) {
			return new RoomsFromQuery(server);
		}

	}

	static final class RoomsFromQuery {

		RoomsFromQuery(SocketIOServer server) {
			server.addConnectListener((client) -> {
				String rooms = client.getHandshakeData().getSingleUrlParam("room");
				if (rooms != null && !rooms.isEmpty()) {
					for (String room : rooms.split(",")) {
						client.joinRoom(room);
					}
				}
			});
		}

	}

}
