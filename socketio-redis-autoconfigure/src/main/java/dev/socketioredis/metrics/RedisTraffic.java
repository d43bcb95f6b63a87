package dev.socketioredis.metrics;

import dev.socketioredis.adapter.AdapterObserver.MessageKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.BaseUnits;
import org.jspecify.annotations.Nullable;

/**
 * The counters of one namespace's messages through Redis, of every kind in both directions, registered together so
 * that counting a message is two increments: no meter is looked up by name and tags per message.
 */
final class RedisTraffic {

	private final Flow[] published;

	private final Flow[] received;

	RedisTraffic(MeterRegistry registry, String namespace) {
		this.published = flows(registry, namespace, "published");
		this.received = flows(registry, namespace, "received");
	}

	Flow published(MessageKind kind) {
		return this.published[kind.ordinal()];
	}

	Flow received(MessageKind kind) {
		return this.received[kind.ordinal()];
	}

	private static Flow[] flows(MeterRegistry registry, String namespace, String direction) {
		MessageKind[] kinds = MessageKind.values();
		Flow[] flows = new Flow[kinds.length];
		for (MessageKind kind : kinds) {
			flows[kind.ordinal()] = new Flow(
					counter(registry, "socketio.redis.messages." + direction, null, namespace, kind),
					counter(registry, "socketio.redis.bytes." + direction, BaseUnits.BYTES, namespace, kind));
		}
		return flows;
	}

	private static Counter counter(MeterRegistry registry, String name, @Nullable String unit, String namespace,
			MessageKind kind) {
		return Counter.builder(name)
			.baseUnit(unit)
			.tag("namespace", namespace)
			.tag("kind", kind.tag())
			.register(registry);
	}

	/** The messages of one kind in one direction, and their bytes. */
	record Flow(Counter messages, Counter bytes) {

		void add(int size) {
			this.messages.increment();
			this.bytes.increment(size);
		}

	}

}
