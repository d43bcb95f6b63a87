package dev.socketioredis.protocol;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.jspecify.annotations.Nullable;

/**
 * The two encodings of the cluster's requests and responses, for both dialects: JSON (binary written as Node's
 * {@code JSON.stringify} writes a Buffer) and msgpack. Receivers tell them apart as Node does: a message starting with
 * {@code {} is JSON, anything else msgpack. Trees are maps, lists and scalars, written in their maps' key order.
 */
final class WireTrees {

	private final ObjectMapper json = new ObjectMapper(
			JsonFactory.builder().streamReadConstraints(WireLimits.READ_CONSTRAINTS).build())
		.registerModule(new JavaTimeModule())
		.registerModule(new SimpleModule("node-buffers").addSerializer(byte[].class, new NodeBufferSerializer()))
		.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

	private final ObjectMapper msgpack = MsgpackMapper.create();

	byte[] json(Object tree) {
		return write(this.json, tree);
	}

	byte[] msgpack(Object tree) {
		return write(this.msgpack, tree);
	}

	/** Adds a field unless its value is absent, as {@code JSON.stringify} leaves out {@code undefined} values. */
	static void putIfPresent(Map<String, @Nullable Object> fields, String field, @Nullable Object value) {
		if (value != null) {
			fields.put(field, value);
		}
	}

	/** Whether a tree holds binary anywhere, as Node's {@code hasBinary} tells. */
	static boolean containsBinary(@Nullable Object tree) {
		if (tree instanceof byte[] || tree instanceof ByteBuffer) {
			return true;
		}
		if (tree instanceof Map<?, ?> map) {
			return map.values().stream().anyMatch(WireTrees::containsBinary);
		}
		if (tree instanceof Collection<?> collection) {
			return collection.stream().anyMatch(WireTrees::containsBinary);
		}
		if (tree instanceof Object[] array) {
			return Arrays.stream(array).anyMatch(WireTrees::containsBinary);
		}
		return false;
	}

	/** Reads a message whose top level is a map, JSON or msgpack. */
	Map<String, ?> readMap(byte[] bytes) throws MalformedMessageException {
		if (bytes.length == 0) {
			throw new MalformedMessageException("Empty message");
		}
		ObjectMapper mapper = (bytes[0] == '{') ? this.json : this.msgpack;
		if (mapper == this.msgpack) {
			WireLimits.checkMsgpackNesting(bytes);
		}
		Object value;
		try {
			value = mapper.readValue(bytes, Object.class);
		}
		catch (IOException | RuntimeException ex) {
			throw new MalformedMessageException("Not " + ((mapper == this.json) ? "JSON" : "msgpack") + ": "
					+ ex.getMessage(), ex);
		}
		return new LinkedHashMap<>(WireValues.map(value, "message"));
	}

	private static byte[] write(ObjectMapper mapper, Object tree) {
		try {
			return mapper.writeValueAsBytes(tree);
		}
		catch (JsonProcessingException ex) {
			throw new MessageEncodingException("Cannot write a cluster message: " + ex.getOriginalMessage(), ex);
		}
	}

	/** Binary in JSON as Node's {@code JSON.stringify} writes a Buffer: {@code {"type":"Buffer","data":[...]}}. */
	private static final class NodeBufferSerializer extends StdSerializer<byte[]> {

		NodeBufferSerializer() {
			super(byte[].class);
		}

		@Override
		public void serialize(byte[] value, JsonGenerator generator, SerializerProvider provider) throws IOException {
			generator.writeStartObject();
			generator.writeStringField("type", "Buffer");
			generator.writeArrayFieldStart("data");
			for (byte b : value) {
				generator.writeNumber(b & 0xff);
			}
			generator.writeEndArray();
			generator.writeEndObject();
		}

	}


}
