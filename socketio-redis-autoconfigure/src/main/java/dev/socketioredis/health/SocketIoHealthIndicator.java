package dev.socketioredis.health;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.socketioredis.adapter.NamespaceMonitor;
import dev.socketioredis.adapter.NamespaceRegistry;
import dev.socketioredis.server.SocketIoServerLifecycle;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * UP when the Socket.IO server listens and every namespace adapter's subscriptions are active in Redis; DOWN
 * otherwise, with details: the port, and per namespace the adapter's uid, whether it is subscribed and how many
 * nodes answer {@code PUBSUB NUMSUB}. Redis itself has Boot's {@code redis} indicator.
 */
public class SocketIoHealthIndicator extends AbstractHealthIndicator {

	private static final Duration REDIS_TIMEOUT = Duration.ofSeconds(2);

	private final SocketIoServerLifecycle server;

	private final NamespaceRegistry registry;

	public SocketIoHealthIndicator(SocketIoServerLifecycle server, NamespaceRegistry registry) {
		super("Socket.IO health check failed");
		this.server = server;
		this.registry = registry;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		boolean up = this.server.isRunning();
		builder.withDetail("port", this.server.getPort());
		Map<String, Object> namespaces = new LinkedHashMap<>();
		for (NamespaceMonitor adapter : this.registry.monitors()) {
			try {
				boolean subscribed = adapter.isSubscribed().get(REDIS_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
				long nodes = adapter.countNodes().get(REDIS_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
				namespaces.put(adapter.name(), Map.of("uid", adapter.uid(), "subscribed", subscribed, "nodes", nodes));
				up &= subscribed;
			}
			catch (ExecutionException | TimeoutException ex) {
				// Redis is away: a detail, not a stack trace logged at every probe of the outage
				String error = (ex.getCause() != null) ? ex.getCause().getMessage() : "no answer from Redis in time";
				namespaces.put(adapter.name(), Map.of("uid", adapter.uid(), "subscribed", false, "error",
						String.valueOf(error)));
				up = false;
			}
		}
		builder.withDetail("namespaces", namespaces);
		if (up) {
			builder.up();
		}
		else {
			builder.down();
		}
	}

}
