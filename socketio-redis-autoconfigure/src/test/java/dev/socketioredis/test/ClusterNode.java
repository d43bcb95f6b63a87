package dev.socketioredis.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.listener.ConnectListener;
import dev.socketioredis.adapter.SocketIoCluster;
import dev.socketioredis.emitter.Emitter;
import dev.socketioredis.events.SocketIoRoomEvent;
import dev.socketioredis.server.SocketIoServerLifecycle;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationListener;
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
		return start(redis.springProperties(), properties);
	}

	/** A node on a Redis Cluster, through Spring Boot's {@code spring.data.redis.cluster.nodes}. */
	public static ClusterNode start(RedisClusterTestServer cluster, String... properties) {
		return start(cluster.springProperties(), properties);
	}

	private static ClusterNode start(List<String> redisProperties, String... properties) {
		List<String> all = new ArrayList<>(redisProperties);
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

	public SocketIoCluster cluster() {
		return this.context.getBean(SocketIoCluster.class);
	}

	/** Every room event this node published, in order. */
	public List<SocketIoRoomEvent> roomEvents() {
		return this.context.getBean(RoomEventRecorder.class).events;
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

		@Bean
		RoomEventRecorder roomEventRecorder() {
			return new RoomEventRecorder();
		}

	}

	/**
	 * The session ids for which the connect listeners of a namespace ({@code /} or {@code /admin}) ran, in order.
	 */
	public List<String> connectListenerRuns(String namespace) {
		String nettyName = namespace.equals("/") ? "" : namespace;
		return this.context.getBean(RoomsFromQuery.class).runs.getOrDefault(nettyName, List.of());
	}

	/**
	 * Joins the rooms of the {@code room} query, on the default namespace and on {@code /admin}, and records each
	 * run.
	 */
	static final class RoomsFromQuery {

		final Map<String, List<String>> runs = new ConcurrentHashMap<>();

		RoomsFromQuery(SocketIOServer server) {
			ConnectListener joinRooms = (client) -> {
				this.runs.computeIfAbsent(client.getNamespace().getName(), (name) -> new CopyOnWriteArrayList<>())
					.add(client.getSessionId().toString());
				String rooms = client.getHandshakeData().getSingleUrlParam("room");
				if (rooms != null && !rooms.isEmpty()) {
					for (String room : rooms.split(",")) {
						client.joinRoom(room);
					}
				}
			};
			server.addConnectListener(joinRooms);
			server.addNamespace("/admin").addConnectListener(joinRooms);
		}

	}

	static final class RoomEventRecorder implements ApplicationListener<SocketIoRoomEvent> {

		final List<SocketIoRoomEvent> events = new CopyOnWriteArrayList<>();

		@Override
		public void onApplicationEvent(SocketIoRoomEvent event) {
			this.events.add(event);
		}

	}

}
