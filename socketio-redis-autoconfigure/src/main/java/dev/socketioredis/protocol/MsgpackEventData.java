package dev.socketioredis.protocol;

import java.io.IOException;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jspecify.annotations.Nullable;

/**
 * The {@code data} of a broadcast read from msgpack, {@code [event, ...args]}, with its JSON text: a node delivering
 * the broadcast writes the JSON, so the arguments are only decoded into Java objects when something asks for them
 * (an acknowledged broadcast, a server-side listener). Immutable.
 */
final class MsgpackEventData extends AbstractList<Object> implements RandomAccess {

	private static final TypeReference<List<Object>> LIST = new TypeReference<>() {
	};

	private final String event;

	private final int size;

	private final byte[] json;

	private final byte[] message;

	private final int offset;

	private final int length;

	private final ObjectMapper mapper;

	private volatile @Nullable List<Object> decoded;

	/**
	 * @param message the msgpack holding the data array at {@code offset}, {@code length} bytes long
	 * @param json the data array as JSON, written by {@link MsgpackJson} from the same bytes
	 */
	MsgpackEventData(String event, int size, byte[] json, byte[] message, int offset, int length,
			ObjectMapper mapper) {
		this.event = event;
		this.size = size;
		this.json = json;
		this.message = message;
		this.offset = offset;
		this.length = length;
		this.mapper = mapper;
	}

	/** The data array as JSON text, UTF-8; not to be modified. */
	byte[] json() {
		return this.json;
	}

	@Override
	public Object get(int index) {
		return (index == 0) ? this.event : decoded().get(index);
	}

	@Override
	public int size() {
		return this.size;
	}

	private List<Object> decoded() {
		List<Object> values = this.decoded;
		if (values == null) {
			try {
				// the bytes were read once already, as JSON: they hold plain values the mapper reads
				values = this.mapper.readValue(this.message, this.offset, this.length, LIST);
			}
			catch (IOException ex) {
				throw new IllegalStateException("Cannot decode the arguments of event '" + this.event + "'", ex);
			}
			this.decoded = values;
		}
		return values;
	}

}
