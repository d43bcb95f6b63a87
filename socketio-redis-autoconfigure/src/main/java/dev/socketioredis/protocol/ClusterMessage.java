package dev.socketioredis.protocol;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A request or response of the Node adapter: a map of fields, written as JSON or msgpack. Builders keep the field
 * order of the Node code, and readers fail with {@link MalformedMessageException}s naming the field.
 *
 * @param fields the fields in wire order
 */
public record ClusterMessage(Map<String, @Nullable Object> fields) {

	public ClusterMessage {
		fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
	}

	public static Builder builder() {
		return new Builder();
	}

	/** The request type; empty for the responses that have none (fetch, all rooms, sockets). */
	public Optional<RequestType> type() throws MalformedMessageException {
		Object type = this.fields.get("type");
		return (type != null) ? RequestType.of(WireValues.integer(type, "type")) : Optional.empty();
	}

	public Optional<String> uid() throws MalformedMessageException {
		return optionalString("uid");
	}

	public Optional<String> requestId() throws MalformedMessageException {
		return optionalString("requestId");
	}

	public boolean has(String field) {
		return this.fields.containsKey(field);
	}

	public @Nullable Object get(String field) {
		return this.fields.get(field);
	}

	public String string(String field) throws MalformedMessageException {
		return WireValues.string(this.fields.get(field), field);
	}

	public Optional<String> optionalString(String field) throws MalformedMessageException {
		Object value = this.fields.get(field);
		return (value != null) ? Optional.of(WireValues.string(value, field)) : Optional.empty();
	}

	public int integer(String field) throws MalformedMessageException {
		return WireValues.integer(this.fields.get(field), field);
	}

	public boolean bool(String field) {
		return Boolean.TRUE.equals(this.fields.get(field));
	}

	public List<?> list(String field) throws MalformedMessageException {
		return WireValues.list(this.fields.get(field), field);
	}

	/** A list of room names (strings, or integers from Node applications that use numbers). */
	public List<Room> rooms(String field) throws MalformedMessageException {
		return WireValues.rooms(this.fields.get(field), field);
	}

	/** The {@code opts} of a request, with its rooms, except rooms and flags. */
	public BroadcastOptions options() throws MalformedMessageException {
		return BroadcastOptions.read(this.fields.get("opts"));
	}

	/** Builds a message field by field, in wire order. */
	public static final class Builder {

		private final Map<String, @Nullable Object> fields = new LinkedHashMap<>();

		public Builder type(RequestType type) {
			return put("type", type.code());
		}

		/** {@code opts} as the Node adapter and emitter write it in requests: {@code {rooms, except}}. */
		public Builder options(BroadcastOptions options) {
			Map<String, Object> opts = new LinkedHashMap<>();
			opts.put("rooms", options.rooms());
			opts.put("except", options.except());
			return put("opts", opts);
		}

		/** {@code opts} of a {@link RequestType#BROADCAST} request: {@code {rooms, except, flags}}. */
		public Builder optionsWithFlags(BroadcastOptions options) {
			Map<String, Object> opts = new LinkedHashMap<>();
			opts.put("rooms", options.rooms());
			opts.put("except", options.except());
			opts.put("flags", options.flags());
			return put("opts", opts);
		}

		public Builder put(String field, @Nullable Object value) {
			this.fields.put(field, value);
			return this;
		}

		public ClusterMessage build() {
			return new ClusterMessage(this.fields);
		}

	}

}
