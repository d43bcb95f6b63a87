package dev.socketioredis.sample;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The argument of a cluster hook ({@code bench/CLUSTER-HOOKS.md}), a JSON object, read leniently: a missing list is
 * empty, a missing flag is false. A field of the wrong type, or a missing {@code event}, fails the hook with an
 * {@link IllegalArgumentException}, which the client gets back in its ack.
 */
final class HookPayload {

	private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

	private final Map<?, ?> fields;

	HookPayload(Map<?, ?> fields) {
		this.fields = (fields != null) ? fields : Map.of();
	}

	/** A list of room names ({@code rooms}, {@code except}, {@code join}, {@code leave}). */
	String[] rooms(String field) {
		return list(field).stream().map(String::valueOf).toArray(String[]::new);
	}

	/** The event to emit: required. */
	String event() {
		if (this.fields.get("event") instanceof String event && !event.isEmpty()) {
			return event;
		}
		throw new IllegalArgumentException("'event' must be a non-empty string");
	}

	/** The event's arguments: {@code args}. */
	Object[] args() {
		return list("args").toArray();
	}

	/** {@code args}, then, when {@code binary} is a number n, n bytes {@code i % 256}. */
	Object[] argsWithBinary() {
		List<Object> args = new ArrayList<>(list("args"));
		if (this.fields.get("binary") instanceof Number length) {
			byte[] bytes = new byte[length.intValue()];
			for (int i = 0; i < bytes.length; i++) {
				bytes[i] = (byte) i;
			}
			args.add(bytes);
		}
		return args.toArray();
	}

	boolean flag(String field) {
		return Boolean.TRUE.equals(this.fields.get(field));
	}

	/** {@code timeoutMs}, 5 s when missing. */
	Duration timeout() {
		Object millis = this.fields.get("timeoutMs");
		if (millis == null) {
			return DEFAULT_TIMEOUT;
		}
		if (millis instanceof Number number && number.longValue() > 0) {
			return Duration.ofMillis(number.longValue());
		}
		throw new IllegalArgumentException("'timeoutMs' must be a positive number");
	}

	private List<?> list(String field) {
		Object value = this.fields.get(field);
		if (value == null) {
			return List.of();
		}
		if (value instanceof List<?> list) {
			return list;
		}
		throw new IllegalArgumentException("'" + field + "' must be an array");
	}

}
