package dev.socketioredis.protocol;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * The Socket.IO packet inside a broadcast: {@code {type, data: [event, ...args], nsp}}.
 *
 * @param type the socket.io-parser packet type, {@link #EVENT} for every modern broadcast
 * @param data the event name followed by its arguments
 * @param nsp the namespace, {@code /} for the default one
 */
@JsonPropertyOrder({ "type", "data", "nsp" })
public record BroadcastPacket(int type, List<Object> data, String nsp) {

	public static final int EVENT = 2;

	/** Sent by socket.io 2.x for binary payloads; modern receivers treat it as {@link #EVENT}. */
	public static final int BINARY_EVENT = 5;

	public BroadcastPacket {
		if (data.isEmpty() || !(data.get(0) instanceof String)) {
			throw new IllegalArgumentException("Packet data must start with the event name, got " + data);
		}
		data = (data instanceof MsgpackEventData) ? data : Collections.unmodifiableList(data);
	}

	/** Events a Socket.IO client reserves for itself; emitting one would confuse every client. */
	private static final Set<String> RESERVED_EVENTS = Set.of("connect", "connect_error", "disconnect",
			"disconnecting", "newListener", "removeListener");

	/**
	 * An event to broadcast.
	 * @throws IllegalArgumentException for an event name Socket.IO reserves
	 */
	public static BroadcastPacket event(String namespace, String event, List<?> args) {
		if (RESERVED_EVENTS.contains(event)) {
			throw new IllegalArgumentException("'" + event + "' is a reserved event name");
		}
		Object[] data = new Object[args.size() + 1];
		data[0] = event;
		for (int i = 0; i < args.size(); i++) {
			data[i + 1] = args.get(i);
		}
		return new BroadcastPacket(EVENT, Arrays.asList(data), namespace);
	}

	/**
	 * Reads the packet of a broadcast or of a {@link RequestType#BROADCAST} request from its decoded wire form.
	 * A missing {@code nsp} means {@code /}.
	 */
	public static BroadcastPacket read(@Nullable Object value) throws MalformedMessageException {
		Map<String, ?> packet = WireValues.map(value, "packet");
		int type = WireValues.integer(packet.get("type"), "packet.type");
		List<?> data = WireValues.list(packet.get("data"), "packet.data");
		if (data.isEmpty() || !(data.get(0) instanceof String)) {
			throw new MalformedMessageException("packet.data must start with the event name");
		}
		Object nsp = packet.get("nsp");
		return new BroadcastPacket(type, new ArrayList<>(data),
				(nsp != null) ? WireValues.string(nsp, "packet.nsp") : "/");
	}

	@JsonIgnore
	public String event() {
		return (String) this.data.get(0);
	}

	@JsonIgnore
	public List<Object> args() {
		return this.data.subList(1, this.data.size());
	}

	/**
	 * The data, {@code [event, ...args]}, as the JSON text a Node server writes for it, when the packet was read from
	 * msgpack JSON can say as it is (no binary, no extension, string keys only); {@code null} otherwise. Not to be
	 * modified.
	 */
	@JsonIgnore
	public byte @Nullable [] dataJson() {
		return (this.data instanceof MsgpackEventData read) ? read.json() : null;
	}

	/** Whether receivers should deliver it as an event ({@link #EVENT}, or {@link #BINARY_EVENT} from socket.io 2.x). */
	@JsonIgnore
	public boolean isEvent() {
		return this.type == EVENT || this.type == BINARY_EVENT;
	}

}
