package dev.socketioredis.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Checked casts from a decoded msgpack or JSON tree, failing with {@link MalformedMessageException}s that name the
 * offending field.
 */
final class WireValues {

	private WireValues() {
	}

	static String string(@Nullable Object value, String field) throws MalformedMessageException {
		if (value instanceof String string) {
			return string;
		}
		throw unexpected(field, "a string", value);
	}

	static @Nullable String optionalString(@Nullable Object value, String field) throws MalformedMessageException {
		return (value != null) ? string(value, field) : null;
	}

	static int integer(@Nullable Object value, String field) throws MalformedMessageException {
		if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
			return ((Number) value).intValue();
		}
		throw unexpected(field, "an integer", value);
	}

	static List<?> list(@Nullable Object value, String field) throws MalformedMessageException {
		if (value instanceof List<?> list) {
			return list;
		}
		throw unexpected(field, "an array", value);
	}

	@SuppressWarnings("unchecked")
	static Map<String, ?> map(@Nullable Object value, String field) throws MalformedMessageException {
		if (value instanceof Map<?, ?> map) {
			for (Object key : map.keySet()) { // a loop, not a stream: this runs for every message from Redis
				if (!(key instanceof String)) {
					throw unexpected(field, "a map with string keys", value);
				}
			}
			return (Map<String, ?>) map;
		}
		throw unexpected(field, "a map with string keys", value);
	}

	/** Rooms are strings, or integers when a Node application used numbers; absent means none. */
	static List<Room> rooms(@Nullable Object value, String field) throws MalformedMessageException {
		if (value == null) {
			return List.of();
		}
		List<Room> rooms = new ArrayList<>();
		for (Object room : list(value, field)) {
			if (room instanceof String name) {
				rooms.add(Room.of(name));
			}
			else if (room instanceof Integer || room instanceof Long) {
				rooms.add(Room.of(((Number) room).longValue()));
			}
			else {
				throw unexpected(field + "[]", "a string or an integer", room);
			}
		}
		return rooms;
	}

	private static MalformedMessageException unexpected(String field, String expected, @Nullable Object actual) {
		String found = (actual != null) ? actual.getClass().getSimpleName() : "nothing";
		return new MalformedMessageException(field + " must be " + expected + ", found " + found);
	}

}
