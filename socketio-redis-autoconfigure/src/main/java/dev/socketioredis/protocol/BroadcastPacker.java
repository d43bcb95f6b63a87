package dev.socketioredis.protocol;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Writes a broadcast straight from its values ({@link MsgpackWriter}), to the bytes {@link MsgpackMapper}'s mapper
 * writes for them. Jackson's msgpack generator builds a tree of the values before it writes them, and looks up a
 * serializer for each, while what a broadcast carries is nearly always what a client's JSON decodes to (maps with
 * string keys, lists, strings, numbers, booleans, null) or binary. Any other value (a {@link java.util.Date}, a
 * {@code java.time} value, an application's own class), and data nested deeper than a message read from Redis may be
 * ({@link WireLimits}), is left to the mapper, which writes or refuses it.
 */
final class BroadcastPacker {

	/** A broadcast of small arguments fits: the writer grows for larger ones. */
	private static final int INITIAL_CAPACITY = 256;

	/** How deep {@code data} and {@code flags} are in the message: in its array, in a map. */
	private static final int DATA_DEPTH = 3;

	private BroadcastPacker() {
	}

	/** The message as msgpack, or {@code null} when one of its values is not plain: the mapper writes it then. */
	static byte @Nullable [] pack(BroadcastMessage message) {
		MsgpackWriter writer = new MsgpackWriter(INITIAL_CAPACITY);
		writer.arrayHeader(3);
		writer.string(message.uid());
		BroadcastPacket packet = message.packet();
		writer.mapHeader(3);
		writer.string("type");
		writer.integer(packet.type());
		writer.string("data");
		if (!packValue(writer, packet.data(), DATA_DEPTH)) {
			return null;
		}
		writer.string("nsp");
		writer.string(packet.nsp());
		BroadcastOptions options = message.options();
		List<String> keys = options.layout().keys();
		writer.mapHeader(keys.size());
		for (String key : keys) {
			writer.string(key);
			switch (key) {
				case "rooms" -> packRooms(writer, options.rooms());
				case "except" -> packRooms(writer, options.except());
				default -> {
					if (!packValue(writer, options.flags(), DATA_DEPTH)) {
						return null;
					}
				}
			}
		}
		return writer.toByteArray();
	}

	private static void packRooms(MsgpackWriter writer, List<Room> rooms) {
		writer.arrayHeader(rooms.size());
		for (Room room : rooms) {
			if (room.numeric()) {
				writer.integer(Long.parseLong(room.name()));
			}
			else {
				writer.string(room.name());
			}
		}
	}

	/**
	 * Packs a plain value, as {@link MsgpackMapper} would; {@code false}, with the writer left unfinished, otherwise.
	 * @param depth how deep the value is in the message, if it is an array or a map
	 */
	private static boolean packValue(MsgpackWriter writer, @Nullable Object value, int depth) {
		if ((value instanceof List || value instanceof Map) && depth > WireLimits.MAX_NESTING_DEPTH) {
			return false;
		}
		if (value == null) {
			writer.nil();
		}
		else if (value instanceof String string) {
			writer.string(string);
		}
		else if (value instanceof Integer || value instanceof Long || value instanceof Short
				|| value instanceof Byte) {
			writer.integer(((Number) value).longValue());
		}
		else if (value instanceof Double || value instanceof Float) {
			double number = ((Number) value).doubleValue();
			if (MsgpackMapper.isWrittenAsInteger(number)) {
				writer.integer((long) number);
			}
			else {
				writer.float64(number);
			}
		}
		else if (value instanceof Boolean bool) {
			writer.bool(bool);
		}
		else if (value instanceof byte[] bytes) {
			writer.binary(bytes);
		}
		else if (value instanceof List<?> list) {
			writer.arrayHeader(list.size());
			for (Object element : list) {
				if (!packValue(writer, element, depth + 1)) {
					return false;
				}
			}
		}
		else if (value instanceof Map<?, ?> map) {
			writer.mapHeader(map.size());
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				if (!(entry.getKey() instanceof String key)) {
					return false;
				}
				writer.string(key);
				if (!packValue(writer, entry.getValue(), depth + 1)) {
					return false;
				}
			}
		}
		else {
			return false;
		}
		return true;
	}

}
