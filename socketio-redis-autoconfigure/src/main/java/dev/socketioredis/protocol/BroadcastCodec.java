package dev.socketioredis.protocol;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

/**
 * Encodes and decodes {@link BroadcastMessage}s in the msgpack form of the Node adapter and emitter. Thread-safe.
 *
 * <p>
 * Decoding accepts what Node's decoder accepts: any valid msgpack, any key order, extra keys, a missing
 * {@code except}, a missing {@code nsp} (taken as {@code /}) and numeric rooms.
 */
public final class BroadcastCodec {

	private final ObjectMapper mapper = MsgpackMapper.create();

	private final StreamingBroadcastReader streamingReader = new StreamingBroadcastReader(this.mapper);

	public byte[] encode(BroadcastMessage message) {
		byte[] packed = BroadcastPacker.pack(message);
		return (packed != null) ? packed : encodeWithMapper(message);
	}

	/** Any broadcast, through Jackson: what {@link BroadcastPacker} leaves to it. */
	byte[] encodeWithMapper(BroadcastMessage message) {
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
		try (MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(message)) {
			if (!unpacker.hasNext() || unpacker.getNextFormat().getValueType() != ValueType.ARRAY
					|| unpacker.unpackArrayHeader() == 0 || !unpacker.hasNext()
					|| unpacker.getNextFormat().getValueType() != ValueType.STRING) {
				return false;
			}
			int length = unpacker.unpackRawStringHeader();
			int start = (int) unpacker.getTotalReadBytes();
			return length == uid.length && start + length <= message.length
					&& Arrays.equals(message, start, start + length, uid, 0, length);
		}
		catch (IOException | MessagePackException ex) {
			return false;
		}
	}

	public BroadcastMessage decode(byte[] bytes) throws MalformedMessageException {
		WireLimits.checkMsgpackNesting(bytes);
		BroadcastMessage common = this.streamingReader.read(bytes);
		return (common != null) ? common : decodeTree(bytes);
	}

	/** Any broadcast, through a tree of Java objects: its data is not kept as JSON. */
	private BroadcastMessage decodeTree(byte[] bytes) throws MalformedMessageException {
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
