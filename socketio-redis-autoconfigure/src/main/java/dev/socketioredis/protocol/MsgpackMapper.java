package dev.socketioredis.protocol;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Date;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.msgpack.jackson.dataformat.ExtensionTypeCustomDeserializers;
import org.msgpack.jackson.dataformat.MessagePackExtensionType;
import org.msgpack.jackson.dataformat.MessagePackFactory;

/**
 * The Jackson mapper that writes msgpack the way notepack.io (the Node adapter's encoder) does, so that a Java node
 * and a Node node produce the same bytes for the same call:
 * <ul>
 * <li>integers in their smallest form, and integral doubles as integers (JavaScript has one number type);</li>
 * <li>{@code byte[]} as msgpack bin, at any depth;</li>
 * <li>{@link Date} as the msgpack timestamp extension (type -1), read back as {@link Date};</li>
 * <li>{@code java.time} values as ISO-8601 strings, as {@code Date.toJSON()} would give;</li>
 * <li>other extension types read as {@code [type, bytes]}, as notepack.io does.</li>
 * </ul>
 */
final class MsgpackMapper {

	static final byte TIMESTAMP_EXT_TYPE = -1;

	private static final long TIMESTAMP32_MAX_SECONDS = 0xFFFFFFFFL;

	private static final long TIMESTAMP64_MAX_SECONDS = 0x3FFFFFFFFL;

	private MsgpackMapper() {
	}

	static ObjectMapper create() {
		MessagePackFactory factory = new MessagePackFactory().setExtTypeCustomDesers(extensionReaders());
		factory.setStreamReadConstraints(WireLimits.READ_CONSTRAINTS);
		SimpleModule notepack = new SimpleModule("notepack")
			.addSerializer(Double.class, new JavaScriptNumberSerializer<>(Double.class))
			.addSerializer(double.class, new JavaScriptNumberSerializer<>(double.class))
			.addSerializer(Float.class, new JavaScriptNumberSerializer<>(Float.class))
			.addSerializer(float.class, new JavaScriptNumberSerializer<>(float.class))
			.addSerializer(Date.class, new TimestampSerializer());
		return new ObjectMapper(factory).registerModule(new JavaTimeModule())
			.registerModule(notepack)
			.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
	}

	/** Whether a double is written as an integer: JavaScript has one number type, and notepack.io writes so. */
	static boolean isWrittenAsInteger(double number) {
		return number == Math.rint(number) && Math.abs(number) < 0x1p63;
	}

	private static ExtensionTypeCustomDeserializers extensionReaders() {
		ExtensionTypeCustomDeserializers readers = new ExtensionTypeCustomDeserializers();
		for (int type = Byte.MIN_VALUE; type <= Byte.MAX_VALUE; type++) {
			byte extType = (byte) type;
			readers.addCustomDeser(extType, (data) -> List.of((int) extType, data));
		}
		readers.addCustomDeser(TIMESTAMP_EXT_TYPE, MsgpackMapper::readTimestamp);
		return readers;
	}

	private static Date readTimestamp(byte[] data) throws IOException {
		ByteBuffer buffer = ByteBuffer.wrap(data);
		long seconds;
		long nanos;
		switch (data.length) {
			case 4 -> {
				seconds = Integer.toUnsignedLong(buffer.getInt());
				nanos = 0;
			}
			case 8 -> {
				long value = buffer.getLong();
				nanos = value >>> 34;
				seconds = value & TIMESTAMP64_MAX_SECONDS;
			}
			case 12 -> {
				nanos = Integer.toUnsignedLong(buffer.getInt());
				seconds = buffer.getLong();
			}
			default -> throw new IOException("Timestamp extension of " + data.length + " bytes");
		}
		return new Date(seconds * 1000 + nanos / 1_000_000);
	}

	/** Writes a double the way a JavaScript number is written: integral values as integers. */
	private static final class JavaScriptNumberSerializer<T extends Number> extends StdSerializer<T> {

		JavaScriptNumberSerializer(Class<T> type) {
			super(type);
		}

		@Override
		public void serialize(T value, JsonGenerator generator, SerializerProvider provider) throws IOException {
			double number = value.doubleValue();
			if (isWrittenAsInteger(number)) {
				generator.writeNumber((long) number);
			}
			else {
				generator.writeNumber(number);
			}
		}

	}

	/** Writes a {@link Date} as notepack.io 3 does: timestamp 32, 64 or 96 depending on its range. */
	private static final class TimestampSerializer extends StdSerializer<Date> {

		TimestampSerializer() {
			super(Date.class);
		}

		@Override
		public void serialize(Date value, JsonGenerator generator, SerializerProvider provider) throws IOException {
			long millis = value.getTime();
			long seconds = Math.floorDiv(millis, 1000L);
			long nanos = Math.floorMod(millis, 1000L) * 1_000_000L;
			ByteBuffer payload;
			if (seconds >= 0 && seconds <= TIMESTAMP64_MAX_SECONDS) {
				if (nanos == 0 && seconds <= TIMESTAMP32_MAX_SECONDS) {
					payload = ByteBuffer.allocate(4).putInt((int) seconds);
				}
				else {
					payload = ByteBuffer.allocate(8).putLong((nanos << 34) | seconds);
				}
			}
			else {
				payload = ByteBuffer.allocate(12).putInt((int) nanos).putLong(seconds);
			}
			generator.writeObject(new MessagePackExtensionType(TIMESTAMP_EXT_TYPE, payload.array()));
		}

	}

}
