package dev.socketioredis.metrics;

import dev.socketioredis.adapter.AdapterObserver.MessageKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The traffic counters of {@link SocketIoMetrics}: one per namespace, kind and direction, in every registry it is bound
 * to, whether the registry was bound before or after the first message.
 */
class SocketIoMetricsTests {

	private final SocketIoMetrics metrics = new SocketIoMetrics(null, null);

	@Test
	void countsTheMessagesAndBytesOfEachNamespaceKindAndDirection() {
		MeterRegistry registry = new SimpleMeterRegistry();
		this.metrics.bindTo(registry);
		this.metrics.published("/", MessageKind.BROADCAST, 10);
		this.metrics.published("/", MessageKind.BROADCAST, 5);
		this.metrics.received("/", MessageKind.REQUEST, 7);
		this.metrics.received("/chat", MessageKind.REQUEST, 3);

		assertThat(counter(registry, "socketio.redis.messages.published", "/", "broadcast").count()).isEqualTo(2);
		assertThat(counter(registry, "socketio.redis.bytes.published", "/", "broadcast").count()).isEqualTo(15);
		assertThat(counter(registry, "socketio.redis.messages.received", "/", "request").count()).isEqualTo(1);
		assertThat(counter(registry, "socketio.redis.bytes.received", "/", "request").count()).isEqualTo(7);
		assertThat(counter(registry, "socketio.redis.messages.received", "/chat", "request").count()).isEqualTo(1);
		assertThat(counter(registry, "socketio.redis.bytes.received", "/chat", "request").count()).isEqualTo(3);
		assertThat(counter(registry, "socketio.redis.messages.received", "/", "broadcast").count()).isZero();
		assertThat(counter(registry, "socketio.redis.messages.published", "/chat", "response").count()).isZero();
		assertThat(counter(registry, "socketio.redis.bytes.published", "/", "broadcast").getId().getBaseUnit())
			.isEqualTo("bytes");
	}

	@Test
	void aRegistryBoundAfterTheFirstMessageCountsTheNextOnes() {
		this.metrics.published("/", MessageKind.RESPONSE, 4);
		MeterRegistry registry = new SimpleMeterRegistry();
		this.metrics.bindTo(registry);
		this.metrics.published("/", MessageKind.RESPONSE, 4);

		assertThat(counter(registry, "socketio.redis.messages.published", "/", "response").count()).isEqualTo(1);
		assertThat(counter(registry, "socketio.redis.bytes.published", "/", "response").count()).isEqualTo(4);
	}

	private static Counter counter(MeterRegistry registry, String name, String namespace, String kind) {
		return registry.get(name).tag("namespace", namespace).tag("kind", kind).counter();
	}

}
