package dev.socketioredis.protocol;

import java.io.IOException;

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
 * objects. Anything else (another shape, binary arguments, an error) is left to the full decoder, which reads every
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
			unpacker.skipValue();
			Object options = this.mapper.readValue(message, optionsStart,
					(int) unpacker.getTotalReadBytes() - optionsStart, Object.class);
			return new BroadcastMessage(uid, packet, BroadcastOptions.read(options));
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

	private static boolean next(MessageUnpacker unpacker, ValueType type) throws IOException {
		return unpacker.hasNext() && unpacker.getNextFormat().getValueType() == type;
	}

}
