package dev.socketioredis.protocol;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jspecify.annotations.Nullable;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

/**
 * Reads a broadcast of the shape every Node and Java node publishes, {@code [uid, {type, data, nsp}, opts]}, in one
 * pass over its msgpack: the packet's data becomes its JSON text ({@link MsgpackEventData}), not a tree of Java
 * objects, and the options are read as they come (rooms, except rooms, flags of single values), any others through
 * the mapper. Anything else (another shape, binary arguments, an error) is left to the full decoder, which reads every
 * message the Node adapter reads and names what is wrong with the others.
 */
final class StreamingBroadcastReader {

	private static final JsonFactory JSON = new JsonFactory();

	private final ObjectMapper mapper;

	StreamingBroadcastReader(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	/** @return the broadcast, or {@code null} when the full decoder must read it */
	@Nullable BroadcastMessage read(byte[] message) throws MalformedMessageException {
		try (MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(message)) {
			if (!next(unpacker, ValueType.ARRAY) || unpacker.unpackArrayHeader() < 3 || !next(unpacker, ValueType.STRING)) {
				return null;
			}
			String uid = MsgpackJson.readString(unpacker, message);
			BroadcastPacket packet = readPacket(unpacker, message);
			if (packet == null) {
				return null;
			}
			int optionsStart = (int) unpacker.getTotalReadBytes();
			BroadcastOptions options = readOptions(unpacker, message);
			if (options == null) {
				options = BroadcastOptions.read(this.mapper.readValue(message, optionsStart,
						message.length - optionsStart, Object.class));
			}
			return new BroadcastMessage(uid, packet, options);
		}
		catch (IOException | RuntimeException ex) { // msgpack-core's exceptions are unchecked
			return null;
		}
	}

	private @Nullable BroadcastPacket readPacket(MessageUnpacker unpacker, byte[] message) throws IOException {
		if (!next(unpacker, ValueType.MAP)) {
			return null;
		}
		Integer type = null;
		String nsp = "/";
		MsgpackEventData data = null;
		for (int entries = unpacker.unpackMapHeader(); entries > 0; entries--) {
			if (!next(unpacker, ValueType.STRING)) {
				return null;
			}
			switch (MsgpackJson.readString(unpacker, message)) {
				case "type" -> {
					MessageFormat format = unpacker.getNextFormat();
					if (format.getValueType() != ValueType.INTEGER || format == MessageFormat.UINT64) {
						return null;
					}
					type = (int) unpacker.unpackLong(); // as the full decoder's WireValues.integer
				}
				case "nsp" -> {
					if (!next(unpacker, ValueType.STRING)) {
						return null;
					}
					nsp = MsgpackJson.readString(unpacker, message);
				}
				case "data" -> {
					data = readData(unpacker, message);
					if (data == null) {
						return null;
					}
				}
				default -> unpacker.skipValue();
			}
		}
		return (type != null && data != null) ? new BroadcastPacket(type, data, nsp) : null;
	}

	private @Nullable MsgpackEventData readData(MessageUnpacker unpacker, byte[] message) throws IOException {
		int start = (int) unpacker.getTotalReadBytes();
		if (!next(unpacker, ValueType.ARRAY)) {
			return null;
		}
		int size = unpacker.unpackArrayHeader();
		if (size == 0 || !next(unpacker, ValueType.STRING)) {
			return null;
		}
		String event = MsgpackJson.readString(unpacker, message);
		ByteArrayBuilder json = new ByteArrayBuilder(message.length);
		try (JsonGenerator generator = JSON.createGenerator(json)) {
			generator.writeStartArray();
			generator.writeString(event);
			for (int i = 1; i < size; i++) {
				if (!MsgpackJson.copyValue(unpacker, message, generator)) {
					return null;
				}
			}
			generator.writeEndArray();
		}
		int length = (int) unpacker.getTotalReadBytes() - start;
		return new MsgpackEventData(event, size, json.toByteArray(), message, start, length, this.mapper);
	}

	/**
	 * Reads {@code {rooms, except, flags}} as {@link BroadcastOptions#read} reads their decoded form; {@code null},
	 * having read part of them, when a room is neither a string nor an integer of a {@code long} or a flag is not a
	 * single value: the mapper reads them again then, and says what is wrong.
	 */
	private static @Nullable BroadcastOptions readOptions(MessageUnpacker unpacker, byte[] message)
			throws IOException {
		if (!next(unpacker, ValueType.MAP)) {
			return null;
		}
		List<Room> rooms = List.of();
		List<Room> except = List.of();
		Map<String, @Nullable Object> flags = Map.of();
		List<String> knownKeys = new ArrayList<>(3);
		for (int entries = unpacker.unpackMapHeader(); entries > 0; entries--) {
			if (!next(unpacker, ValueType.STRING)) {
				return null;
			}
			String key = MsgpackJson.readString(unpacker, message);
			switch (key) {
				case "rooms" -> rooms = readRooms(unpacker, message);
				case "except" -> except = readRooms(unpacker, message);
				case "flags" -> flags = readFlags(unpacker, message);
				default -> {
					unpacker.skipValue();
					continue;
				}
			}
			if (rooms == null || except == null || flags == null) {
				return null;
			}
			if (!knownKeys.contains(key)) { // a key given twice: its last value, in its first place, as in a map
				knownKeys.add(key);
			}
		}
		return new BroadcastOptions(rooms, except, flags, BroadcastOptions.Layout.matching(knownKeys));
	}

	private static @Nullable List<Room> readRooms(MessageUnpacker unpacker, byte[] message) throws IOException {
		if (unpacker.getNextFormat() == MessageFormat.NIL) {
			unpacker.unpackNil();
			return List.of();
		}
		if (!next(unpacker, ValueType.ARRAY)) {
			return null;
		}
		int size = unpacker.unpackArrayHeader();
		List<Room> rooms = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			MessageFormat format = unpacker.getNextFormat();
			if (format.getValueType() == ValueType.STRING) {
				rooms.add(Room.of(MsgpackJson.readString(unpacker, message)));
			}
			else if (format.getValueType() == ValueType.INTEGER && format != MessageFormat.UINT64) {
				rooms.add(Room.of(unpacker.unpackLong()));
			}
			else {
				return null;
			}
		}
		return rooms;
	}

	private static @Nullable Map<String, @Nullable Object> readFlags(MessageUnpacker unpacker, byte[] message)
			throws IOException {
		if (!next(unpacker, ValueType.MAP)) {
			return null;
		}
		Map<String, @Nullable Object> flags = new LinkedHashMap<>();
		for (int entries = unpacker.unpackMapHeader(); entries > 0; entries--) {
			if (!next(unpacker, ValueType.STRING)) {
				return null;
			}
			String name = MsgpackJson.readString(unpacker, message);
			MessageFormat format = unpacker.getNextFormat();
			switch (format.getValueType()) {
				case NIL -> {
					unpacker.unpackNil();
					flags.put(name, null);
				}
				case BOOLEAN -> flags.put(name, unpacker.unpackBoolean());
				case STRING -> flags.put(name, MsgpackJson.readString(unpacker, message));
				case INTEGER -> {
					if (format == MessageFormat.UINT64) {
						return null;
					}
					long value = unpacker.unpackLong();
					if (value == (int) value) { // as the mapper reads an integer: an Integer where one holds it
						flags.put(name, (int) value);
					}
					else {
						flags.put(name, value);
					}
				}
				default -> {
					return null;
				}
			}
		}
		return flags;
	}

	private static boolean next(MessageUnpacker unpacker, ValueType type) throws IOException {
		return unpacker.hasNext() && unpacker.getNextFormat().getValueType() == type;
	}

}
