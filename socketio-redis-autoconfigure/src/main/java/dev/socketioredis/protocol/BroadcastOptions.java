package dev.socketioredis.protocol;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The targeting part of a broadcast: {@code {rooms, except, flags}}. Targets are every socket in any of
 * {@code rooms} (the whole namespace when empty) minus every socket in any of {@code except}.
 *
 * @param rooms the rooms to reach, empty for the whole namespace
 * @param except the rooms whose members are left out
 * @param flags {@code volatile}, {@code compress} and other flags; unknown ones are kept and ignored
 * @param layout the order the keys are written in; it differs between the adapter and the emitter
 */
public record BroadcastOptions(List<Room> rooms, List<Room> except, Map<String, @Nullable Object> flags,
		Layout layout) {

	public static final String VOLATILE = "volatile";

	public static final String COMPRESS = "compress";

	/** How long the clients of a broadcast with acknowledgements have, in milliseconds. */
	private static final String TIMEOUT = "timeout";

	public BroadcastOptions {
		rooms = List.copyOf(rooms);
		except = List.copyOf(except);
		flags = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(flags));
	}

	/**
	 * Reads the {@code opts} of a broadcast or a request from its decoded wire form, remembering its key order.
	 * A missing {@code except} or {@code flags} means none.
	 */
	public static BroadcastOptions read(@Nullable Object value) throws MalformedMessageException {
		Map<String, ?> options = WireValues.map(value, "opts");
		List<String> knownKeys = new ArrayList<>(3);
		for (String key : options.keySet()) {
			if (key.equals("rooms") || key.equals("except") || key.equals("flags")) {
				knownKeys.add(key);
			}
		}
		Object flags = options.get("flags");
		return new BroadcastOptions(WireValues.rooms(options.get("rooms"), "opts.rooms"),
				WireValues.rooms(options.get("except"), "opts.except"),
				(flags != null) ? new LinkedHashMap<>(WireValues.map(flags, "opts.flags")) : Map.of(),
				Layout.matching(knownKeys));
	}

	/** No rooms (the whole namespace), no except rooms, no flags. */
	public static BroadcastOptions wholeNamespace(Layout layout) {
		return new BroadcastOptions(List.of(), List.of(), Map.of(), layout);
	}

	/** These options with more target rooms; a room already targeted is not repeated. */
	public BroadcastOptions to(String... rooms) {
		return new BroadcastOptions(plus(this.rooms, rooms), this.except, this.flags, this.layout);
	}

	/** These options with more except rooms. */
	public BroadcastOptions except(String... rooms) {
		return new BroadcastOptions(this.rooms, plus(this.except, rooms), this.flags, this.layout);
	}

	/** These options with a flag set. */
	public BroadcastOptions withFlag(String flag, Object value) {
		Map<String, @Nullable Object> flags = new LinkedHashMap<>(this.flags);
		flags.put(flag, value);
		return new BroadcastOptions(this.rooms, this.except, flags, this.layout);
	}

	/** These options with the acknowledgement timeout of a broadcast with acknowledgements. */
	public BroadcastOptions withAckTimeout(Duration timeout) {
		return withFlag(TIMEOUT, timeout.toMillis());
	}

	/** The acknowledgement timeout of a broadcast with acknowledgements, when the sender set one. */
	public Optional<Duration> ackTimeout() {
		return (this.flags.get(TIMEOUT) instanceof Number millis) ? Optional.of(Duration.ofMillis(millis.longValue()))
				: Optional.empty();
	}

	public boolean isVolatile() {
		return Boolean.TRUE.equals(this.flags.get(VOLATILE));
	}

	/** As requests write them: {@code {rooms, except}}. */
	Map<String, Object> targetsOnWire() {
		Map<String, Object> opts = new LinkedHashMap<>();
		opts.put("rooms", this.rooms);
		opts.put("except", this.except);
		return opts;
	}

	/** As broadcasts with acknowledgements and {@code socket.io-adapter} messages write them: {@code {rooms, except, flags}}. */
	Map<String, Object> targetsAndFlagsOnWire() {
		Map<String, Object> opts = targetsOnWire();
		opts.put("flags", this.flags);
		return opts;
	}

	private static List<Room> plus(List<Room> rooms, String... more) {
		List<Room> result = new ArrayList<>(rooms);
		for (String name : more) {
			Room room = Room.of(name);
			if (!result.contains(room)) {
				result.add(room);
			}
		}
		return result;
	}

	/**
	 * Key orders seen on the wire. Receivers accept any order; senders keep the one of the Node code they stand in for,
	 * so that the same call gives the same bytes.
	 */
	public enum Layout {

		/** {@code @socket.io/redis-adapter}: {@code rooms, except, flags}. */
		ADAPTER("rooms", "except", "flags"),

		/** {@code @socket.io/redis-emitter}: {@code rooms, flags, except}. */
		EMITTER("rooms", "flags", "except"),

		/** socket.io-redis 5.x and socket.io-emitter 3.x: no {@code except}. */
		LEGACY_WITHOUT_EXCEPT("rooms", "flags"),

		/** socket.io 2.x {@code socket.broadcast}: {@code except} first. */
		LEGACY_EXCEPT_FIRST("except", "rooms", "flags");

		private final List<String> keys;

		Layout(String... keys) {
			this.keys = List.of(keys);
		}

		public List<String> keys() {
			return this.keys;
		}

		static Layout matching(List<String> keys) {
			for (Layout layout : values()) {
				if (layout.keys.equals(keys)) {
					return layout;
				}
			}
			return ADAPTER;
		}

	}

}
