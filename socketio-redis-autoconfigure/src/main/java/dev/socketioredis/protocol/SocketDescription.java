package dev.socketioredis.protocol;

import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

import org.jspecify.annotations.Nullable;

/**
 * A socket as {@code fetchSockets()} describes it to other nodes: {@code {id, handshake, rooms, data}}.
 *
 * @param id the socket id
 * @param handshake as the socket's server describes it; a Node server's shape: {@code headers, time, address,
 * xdomain, secure, issued, url, query, auth}
 * @param rooms the rooms it is in, its own included
 * @param data its {@code socket.data}, or {@code null} (then not written)
 */
public record SocketDescription(String id, Map<String, @Nullable Object> handshake, List<String> rooms,
		@Nullable Object data) {

	public SocketDescription {
		handshake = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(handshake));
		rooms = List.copyOf(rooms);
	}

	/**
	 * A handshake in the shape of a Node server's.
	 * @param headers request headers, names in lower case
	 * @param issued when the handshake happened, in epoch milliseconds
	 * @param address the client's address
	 * @param xdomain whether the request came from another origin
	 * @param url the request URL
	 * @param query the first value of every query parameter
	 * @param auth the client's auth payload, {@code {}} when none
	 */
	public static Map<String, @Nullable Object> handshake(Map<String, String> headers, long issued, String address,
			boolean xdomain, String url, Map<String, String> query, @Nullable Object auth) {
		Map<String, @Nullable Object> handshake = new LinkedHashMap<>();
		handshake.put("headers", headers);
		handshake.put("time", javaScriptDateString(issued));
		handshake.put("address", address);
		handshake.put("xdomain", xdomain);
		handshake.put("secure", false);
		handshake.put("issued", issued);
		handshake.put("url", url);
		handshake.put("query", query);
		handshake.put("auth", (auth != null) ? auth : Map.of());
		return handshake;
	}

	/** JavaScript's {@code Date.toString()}: {@code Sun Nov 22 2026 02:19:01 GMT+0000 (Coordinated Universal Time)}. */
	private static String javaScriptDateString(long epochMillis) {
		SimpleDateFormat format = new SimpleDateFormat("EEE MMM dd yyyy HH:mm:ss 'GMT+0000 (Coordinated Universal Time)'",
				Locale.ENGLISH);
		format.setTimeZone(TimeZone.getTimeZone("UTC"));
		return format.format(new Date(epochMillis));
	}

	/** Reads one socket of a fetch answer; what a Node server left out is empty. */
	@SuppressWarnings("unchecked")
	static SocketDescription read(@Nullable Object value) throws MalformedMessageException {
		Map<String, ?> socket = WireValues.map(value, "sockets[]");
		Object handshake = socket.get("handshake");
		Object rooms = socket.get("rooms");
		return new SocketDescription(String.valueOf(socket.get("id")),
				(handshake instanceof Map<?, ?> map) ? (Map<String, @Nullable Object>) map : Map.of(),
				(rooms instanceof List<?> list) ? list.stream().map(String::valueOf).toList() : List.of(),
				socket.get("data"));
	}

	Map<String, @Nullable Object> toWire() {
		Map<String, @Nullable Object> socket = new LinkedHashMap<>();
		socket.put("id", this.id);
		socket.put("handshake", this.handshake);
		socket.put("rooms", this.rooms);
		if (this.data != null) {
			socket.put("data", this.data);
		}
		return socket;
	}

}
