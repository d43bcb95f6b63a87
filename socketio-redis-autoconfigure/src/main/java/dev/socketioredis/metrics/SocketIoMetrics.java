package dev.socketioredis.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import dev.socketioredis.adapter.AdapterObserver;
import dev.socketioredis.adapter.NamespaceMonitor;
import dev.socketioredis.transport.ClientFaults;
import dev.socketioredis.transport.ClientFaults.Reason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * The adapter's meters. Tags are bounded: {@code namespace}, {@code kind} (broadcast, request, response),
 * {@code type} (the request), {@code outcome}, {@code reason}; never a room or a socket id.
 * <ul>
 * <li>{@code socketio.connections}, {@code socketio.rooms}: gauges of local clients and rooms per namespace;</li>
 * <li>{@code socketio.redis.messages.published|received}, {@code socketio.redis.bytes.published|received}:
 * counters per namespace and kind;</li>
 * <li>{@code socketio.redis.messages.dropped}: undecodable or unknown messages, per namespace, kind and reason;</li>
 * <li>{@code socketio.redis.publish.failures}: publishes Redis did not take;</li>
 * <li>{@code socketio.redis.requests}: timer of this node's requests per namespace, type and outcome (success,
 * timeout, error), and {@code socketio.redis.requests.timeouts}, a counter of the timed-out ones;</li>
 * <li>{@code socketio.redis.subscriptions.active}: 1 while the listener container listens, else 0;</li>
 * <li>{@code socketio.redis.room.subscriptions.pending}, {@code socketio.redis.room.subscriptions.lag}: with channel
 * multiplexing, rooms waiting for their subscription, and how long each waited;</li>
 * <li>{@code socketio.client.faults}: what clients did wrong, per reason ({@link Reason}).</li>
 * </ul>
 */
public class SocketIoMetrics implements AdapterObserver, MeterBinder {

	/** Meters are made here, and show in every registry Spring Boot binds this to, before or after they exist. */
	private final CompositeMeterRegistry registry = new CompositeMeterRegistry();

	private final Map<String, Counter> counters = new ConcurrentHashMap<>();

	/** Per namespace: counted on every message. */
	private final Map<String, RedisTraffic> traffic = new ConcurrentHashMap<>();

	private final Map<String, Timer> timers = new ConcurrentHashMap<>();

	private final @Nullable RedisMessageListenerContainer listenerContainer;

	private final @Nullable ClientFaults clientFaults;

	public SocketIoMetrics(@Nullable RedisMessageListenerContainer listenerContainer,
			@Nullable ClientFaults clientFaults) {
		this.listenerContainer = listenerContainer;
		this.clientFaults = clientFaults;
	}

	/** Boot binds before the server starts, so before any meter exists: nothing recorded is missed. */
	@Override
	public void bindTo(MeterRegistry registry) {
		this.registry.add(registry);
		if (this.listenerContainer != null) {
			Gauge.builder("socketio.redis.subscriptions.active", this.listenerContainer, (c) -> c.isListening() ? 1 : 0)
				.description("Whether the adapter's Redis subscriptions are active")
				.register(this.registry);
		}
		if (this.clientFaults != null) {
			for (Reason reason : Reason.values()) {
				FunctionCounter.builder("socketio.client.faults", this.clientFaults, (faults) -> faults.total(reason))
					.description("Client faults: malformed packets, unknown sessions, bad requests, connection errors")
					.tag("reason", reason.tag())
					.register(this.registry);
			}
		}
	}

	@Override
	public void adapterCreated(NamespaceMonitor adapter) {
		registerGauges(this.registry, adapter);
	}

	private static void registerGauges(MeterRegistry registry, NamespaceMonitor adapter) {
		Gauge.builder("socketio.connections", adapter, NamespaceMonitor::localClients)
			.description("Clients connected to this node")
			.tag("namespace", adapter.name())
			.register(registry);
		Gauge.builder("socketio.rooms", adapter, (a) -> a.localRooms().size())
			.description("Rooms with a member on this node, socket-id rooms included")
			.tag("namespace", adapter.name())
			.register(registry);
		Gauge.builder("socketio.redis.room.subscriptions.pending", adapter, NamespaceMonitor::pendingRoomSubscriptions)
			.description("Rooms with a local member whose channel this node has not subscribed to yet")
			.tag("namespace", adapter.name())
			.register(registry);
	}

	@Override
	public void published(String namespace, MessageKind kind, int bytes) {
		traffic(namespace).published(kind).add(bytes);
	}

	@Override
	public void publishFailed(String namespace, MessageKind kind) {
		count("socketio.redis.publish.failures", null, 1, namespace, "kind", kind.tag());
	}

	@Override
	public void received(String namespace, MessageKind kind, int bytes) {
		traffic(namespace).received(kind).add(bytes);
	}

	@Override
	public void dropped(String namespace, MessageKind kind, String reason) {
		count("socketio.redis.messages.dropped", null, 1, namespace, "kind", kind.tag(), "reason", reason);
	}

	@Override
	public void roomSubscribed(String namespace, Duration lag) {
		this.timers
			.computeIfAbsent("room-subscription|" + namespace,
					(key) -> Timer.builder("socketio.redis.room.subscriptions.lag")
						.description("From a room's first local member to this node's subscription to its channel")
						.tag("namespace", namespace)
						.register(this.registry))
			.record(lag);
	}

	@Override
	public void requestCompleted(String namespace, String type, String outcome, Duration duration) {
		this.timers
			.computeIfAbsent(namespace + '|' + type + '|' + outcome,
					(key) -> Timer.builder("socketio.redis.requests")
						.description("Cluster requests of this node")
						.tags("namespace", namespace, "type", type, "outcome", outcome)
						.register(this.registry))
			.record(duration);
		if (outcome.equals("timeout")) {
			count("socketio.redis.requests.timeouts", null, 1, namespace, "type", type);
		}
	}

	private RedisTraffic traffic(String namespace) {
		RedisTraffic traffic = this.traffic.get(namespace);
		return (traffic != null) ? traffic
				: this.traffic.computeIfAbsent(namespace, (name) -> new RedisTraffic(this.registry, name));
	}

	/** Adds to a counter, registered on first use. */
	private void count(String name, @Nullable String unit, double amount, String namespace, String... tags) {
		String key = name + '|' + namespace + '|' + String.join("|", tags);
		this.counters.computeIfAbsent(key, counter(this.registry, name, unit, namespace, tags)).increment(amount);
	}

	private static Function<String, Counter> counter(MeterRegistry registry, String name, @Nullable String unit,
			String namespace, String... tags) {
		return (key) -> Counter.builder(name).baseUnit(unit).tag("namespace", namespace).tags(tags).register(registry);
	}

}
