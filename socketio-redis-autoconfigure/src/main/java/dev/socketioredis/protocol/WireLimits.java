package dev.socketioredis.protocol;

import java.io.IOException;

import com.fasterxml.jackson.core.StreamReadConstraints;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

/**
 * What a message read from Redis may hold. Any publisher can write to the adapter's channels, and a value nested
 * deeper than netty-socketio can write to a client (1 000 levels) would be decoded on every node and then fail there
 * for every client, or overflow the stack: such a message is refused when it is read, as a malformed one. Jackson
 * enforces the depth for JSON; its msgpack parser does not, so msgpack is measured before it is decoded.
 */
final class WireLimits {

	/** Deepest nesting of arrays and maps in a message, envelope included. */
	static final int MAX_NESTING_DEPTH = 256;

	static final StreamReadConstraints READ_CONSTRAINTS = StreamReadConstraints.builder()
		.maxNestingDepth(MAX_NESTING_DEPTH)
		.build();

	private WireLimits() {
	}

	/**
	 * Refuses msgpack nested deeper than {@link #MAX_NESTING_DEPTH}. Each level takes a byte at least, so a shorter
	 * message is not read at all; a longer one is walked without recursion. Input that is not msgpack is left to the
	 * decoder to refuse.
	 */
	static void checkMsgpackNesting(byte[] bytes) throws MalformedMessageException {
		if (bytes.length <= MAX_NESTING_DEPTH) {
			return;
		}
		try (MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(bytes)) {
			long[] valuesLeft = new long[MAX_NESTING_DEPTH + 1]; // per open array or map, the top value at 0
			int depth = 0;
			valuesLeft[0] = 1;
			while (depth >= 0) {
				if (valuesLeft[depth] == 0) {
					depth--;
					continue;
				}
				valuesLeft[depth]--;
				if (!unpacker.hasNext()) {
					return;
				}
				ValueType type = unpacker.getNextFormat().getValueType();
				if (type != ValueType.ARRAY && type != ValueType.MAP) {
					unpacker.skipValue();
					continue;
				}
				if (++depth > MAX_NESTING_DEPTH) {
					throw new MalformedMessageException(
							"The nesting depth of the message exceeds the maximum allowed (" + MAX_NESTING_DEPTH + ")");
				}
				valuesLeft[depth] = (type == ValueType.ARRAY) ? unpacker.unpackArrayHeader()
						: 2L * unpacker.unpackMapHeader();
			}
		}
		catch (IOException | MessagePackException ex) {
			// not msgpack: the decoder says so
		}
	}

}
