package dev.socketioredis.protocol;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Encodes and decodes {@link BroadcastMessage}s in the msgpack form of the Node adapter and emitter. Thread-safe.
 *
 * <p>
 * Decoding accepts what Node's decoder accepts: any valid msgpack, any key order, extra keys, a missing
 * {@code except}, a missing {@code nsp} (taken as {@code /}) and numeric rooms.
 */
public final class BroadcastCodec {

	private final ObjectMapper mapper = MsgpackMapper.create();

	public byte[] encode(BroadcastMessage message) {
		Map<String, Object> options = new LinkedHashMap<>();
		for (String key : message.options().layout().keys()) {
			options.put(key, switch (key) {
				case "rooms" -> message.options().rooms();
				case "except" -> message.options().except();
				default -> message.options().flags();
			});
		}
		try {
			return this.mapper.writeValueAsBytes(new Object[] { message.uid(), message.packet(), options });
		}
		catch (JsonProcessingException ex) {
			throw new MessageEncodingException("Cannot write the arguments of event '" + message.packet().event()
					+ "' as msgpack: " + ex.getOriginalMessage(), ex);
		}
	}

	/**
	 * Whether {@code message} starts as a broadcast of the node of this uid, read from its first element alone: a node
	 * receives its own broadcasts back from Redis (up to a third of what it receives in a cluster of three) and ignores
	 * them, so it need not decode them. A message this cannot read is not the node's own; {@link #decode} says what is
	 * wrong.
	 * @param uid the node's uid in UTF-8
	 */
	public boolean isPublishedBy(byte[] message, byte[] uid) {
		if (message.length == 0) {
			return false;
		}
		int marker = message[0] & 0xff;
		int offset = switch (marker) {
			case 0xdc -> 3; // array 16
			case 0xdd -> 5; // array 32
			default -> ((marker & 0xf0) == 0x90) ? 1 : -1; // fixarray
		};
		if (offset < 0 || offset >= message.length) {
			return false;
		}
		int stringMarker = message[offset] & 0xff;
		int lengthBytes = switch (stringMarker) {
			case 0xd9 -> 1; // str 8
			case 0xda -> 2; // str 16
			case 0xdb -> 4; // str 32
			default -> ((stringMarker & 0xe0) == 0xa0) ? 0 : -1; // fixstr
		};
		if (lengthBytes < 0 || offset + 1 + lengthBytes > message.length) {
			return false;
		}
		long length = (lengthBytes == 0) ? (stringMarker & 0x1f) : 0;
		for (int i = 0; i < lengthBytes; i++) {
			length = (length << 8) | (message[offset + 1 + i] & 0xff);
		}
		int start = offset + 1 + lengthBytes;
		return length == uid.length && start + uid.length <= message.length
				&& Arrays.equals(message, start, start + uid.length, uid, 0, uid.length);
	}

	public BroadcastMessage decode(byte[] bytes) throws MalformedMessageException {
		WireLimits.checkMsgpackNesting(bytes);
		Object value;
		try {
			value = this.mapper.readValue(bytes, Object.class);
		}
		catch (IOException | RuntimeException ex) {
			throw new MalformedMessageException("Not msgpack: " + ex.getMessage(), ex);
		}
		List<?> array = WireValues.list(value, "broadcast");
		if (array.size() < 3) {
			throw new MalformedMessageException("A broadcast is [uid, packet, opts], got " + array.size() + " elements");
		}
		return new BroadcastMessage(WireValues.string(array.get(0), "uid"), BroadcastPacket.read(array.get(1)),
				BroadcastOptions.read(array.get(2)));
	}

}
