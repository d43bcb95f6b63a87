package dev.socketioredis.protocol;

import java.io.IOException;
import java.util.LinkedHashMap;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Encodes and decodes {@link ClusterMessage}s. Receivers tell the formats apart as the Node adapter does: a message
 * starting with {@code {} is JSON, anything else msgpack. Requests and responses are JSON except
 * {@link RequestType#BROADCAST} and {@link RequestType#BROADCAST_ACK}, which may carry binary.
 */
public final class ClusterMessageCodec {

	private final ObjectMapper json = new ObjectMapper(
			JsonFactory.builder().streamReadConstraints(WireLimits.READ_CONSTRAINTS).build())
		.registerModule(new JavaTimeModule())
		.registerModule(new SimpleModule("node-buffers").addSerializer(byte[].class, new NodeBufferSerializer()))
		.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

	private final ObjectMapper msgpack = MsgpackMapper.create();

	public byte[] encodeJson(ClusterMessage message) {
		return write(this.json, message);
	}

	public byte[] encodeMsgpack(ClusterMessage message) {
		return write(this.msgpack, message);
	}

	public ClusterMessage decode(byte[] bytes) throws MalformedMessageException {
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
		return new ClusterMessage(new LinkedHashMap<>(WireValues.map(value, "message")));
	}

	private static byte[] write(ObjectMapper mapper, ClusterMessage message) {
		try {
			return mapper.writeValueAsBytes(message.fields());
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
