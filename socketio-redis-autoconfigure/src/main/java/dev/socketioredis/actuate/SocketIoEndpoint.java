package dev.socketioredis.actuate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.socketioredis.adapter.NamespaceMonitor;
import dev.socketioredis.adapter.NamespaceRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/socketio}: this node's view of the cluster, per namespace (uid, local clients, rooms with their
 * local sizes, nodes in the cluster), and the effective {@code socketio.*} settings.
 */
@Endpoint(id = "socketio")
public class SocketIoEndpoint {

	private static final Duration REDIS_TIMEOUT = Duration.ofSeconds(2);

	private final NamespaceRegistry registry;

	private final Map<String, Object> settings;

	/**
	 * @param settings the effective settings to show; nothing secret
	 */
	public SocketIoEndpoint(NamespaceRegistry registry, Map<String, Object> settings) {
		this.registry = registry;
		this.settings = settings;
	}

	@ReadOperation
	public SocketIoDescriptor socketio() {
		List<NamespaceDescriptor> namespaces = this.registry.monitors()
			.stream()
			.map((adapter) -> new NamespaceDescriptor(adapter.name(), adapter.uid(), adapter.localClients(),
					adapter.localRooms(), nodes(adapter)))
			.toList();
		return new SocketIoDescriptor(namespaces, this.settings);
	}

	private static @Nullable Long nodes(NamespaceMonitor adapter) {
		try {
			return adapter.countNodes().get(REDIS_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (Exception ex) {
			return null; // Redis unreachable: the rest of the report still helps
		}
	}

	/** The endpoint's answer. */
	public record SocketIoDescriptor(List<NamespaceDescriptor> namespaces, Map<String, Object> settings) {
	}

	/**
	 * One namespace as this node sees it.
	 * @param nodes nodes of the cluster ({@code PUBSUB NUMSUB}), {@code null} when Redis did not answer
	 */
	public record NamespaceDescriptor(String name, String uid, int localClients, Map<String, Integer> rooms,
			@Nullable Long nodes) {
	}

}
