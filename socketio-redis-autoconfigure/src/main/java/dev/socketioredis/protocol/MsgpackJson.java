package dev.socketioredis.protocol;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonGenerator;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessageIntegerOverflowException;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

/**
 * Writes msgpack values as JSON, the values a Node server writes once notepack.io has decoded them (a number may be
 * spelled as Java spells it: {@code 1.0E21} for {@code 1e+21}), without building Java objects in between: a
 * broadcast's arguments go from Redis to a client's socket in one pass. JSON has no form of its own for binary,
 * msgpack extensions (dates among them) or non-string map keys; Socket.IO sends binary as attachments, so a value
 * holding any of these is left to the decoded form.
 */
final class MsgpackJson {

	private MsgpackJson() {
	}

	/**
	 * Copies the unpacker's next value.
	 * @param message the bytes the unpacker reads, from their start
	 * @return {@code false}, having written part of it, when the value holds what JSON cannot say as it is
	 */
	static boolean copyValue(MessageUnpacker unpacker, byte[] message, JsonGenerator json) throws IOException {
		MessageFormat format = unpacker.getNextFormat();
		switch (format.getValueType()) {
			case NIL -> {
				unpacker.unpackNil();
				json.writeNull();
			}
			case BOOLEAN -> json.writeBoolean(unpacker.unpackBoolean());
			case INTEGER -> {
				try { // msgpack spells every integer from 2^32 up as a uint64: a timestamp in milliseconds is one
					json.writeNumber(unpacker.unpackLong());
				}
				catch (MessageIntegerOverflowException ex) { // from 2^63 up: read, and too large for a long
					json.writeNumber(ex.getBigInteger());
				}
			}
			case FLOAT -> json.writeNumber(unpacker.unpackDouble()); // a float32 too: JavaScript reads it as a double
			case STRING -> json.writeString(readString(unpacker, message));
			case ARRAY -> {
				int size = unpacker.unpackArrayHeader();
				json.writeStartArray();
				for (int i = 0; i < size; i++) {
					if (!copyValue(unpacker, message, json)) {
						return false;
					}
				}
				json.writeEndArray();
			}
			case MAP -> {
				int size = unpacker.unpackMapHeader();
				json.writeStartObject();
				for (int i = 0; i < size; i++) {
					if (unpacker.getNextFormat().getValueType() != ValueType.STRING) {
						return false;
					}
					json.writeFieldName(readString(unpacker, message));
					if (!copyValue(unpacker, message, json)) {
						return false;
					}
				}
				json.writeEndObject();
			}
			default -> { // BINARY, EXTENSION
				return false;
			}
		}
		return true;
	}

	/**
	 * Reads a string from the message's own bytes, malformed UTF-8 replaced as the decoding mapper replaces it:
	 * msgpack-core's {@code unpackString} allocates a decoder and an 8 K buffer for every unpacker.
	 */
	static String readString(MessageUnpacker unpacker, byte[] message) throws IOException {
		int length = unpacker.unpackRawStringHeader();
		int start = (int) unpacker.getTotalReadBytes();
		unpacker.readPayloadAsReference(length);
		return new String(message, start, length, StandardCharsets.UTF_8);
	}

}
