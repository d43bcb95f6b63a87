package dev.socketioredis.adapter;

import java.net.InetSocketAddress;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

import com.corundumstudio.socketio.HandshakeData;
import com.corundumstudio.socketio.SocketIOClient;
import org.jspecify.annotations.Nullable;

/**
 * A local socket as {@code fetchSockets()} describes it to other nodes: {@code {id, handshake, rooms, data}}, with the
 * handshake in the shape of a Node server's ({@code headers, time, address, xdomain, secure, issued, url, query,
 * auth}).
 */
final class SocketDetails {

	private SocketDetails() {
	}

	static Map<String, @Nullable Object> of(SocketIOClient client, List<String> rooms) {
		Map<String, @Nullable Object> socket = new LinkedHashMap<>();
		socket.put("id", client.getSessionId().toString());
		socket.put("handshake", handshake(client.getHandshakeData()));
		socket.put("rooms", rooms);
		Object data = SocketData.get(client);
		if (data != null) {
			socket.put("data", data);
		}
		return socket;
	}

	private static Map<String, Object> handshake(HandshakeData handshake) {
		Map<String, Object> headers = new LinkedHashMap<>();
		handshake.getHttpHeaders().forEach((header) -> headers.putIfAbsent(header.getKey().toLowerCase(Locale.ROOT),
				header.getValue()));
		Map<String, Object> query = new LinkedHashMap<>();
		handshake.getUrlParams().forEach((name, values) -> query.put(name, values.isEmpty() ? "" : values.get(0)));
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("headers", headers);
		result.put("time", javaScriptDateString(handshake.getTime().getTime()));
		result.put("address", address(handshake));
		result.put("xdomain", handshake.isXdomain());
		result.put("secure", false);
		result.put("issued", handshake.getTime().getTime());
		result.put("url", handshake.getUrl());
		result.put("query", query);
		result.put("auth", (handshake.getAuthToken() != null) ? handshake.getAuthToken() : Map.of());
		return result;
	}

	private static String address(HandshakeData handshake) {
		InetSocketAddress address = handshake.getAddress();
		return (address.getAddress() != null) ? address.getAddress().getHostAddress() : address.getHostString();
	}

	/** JavaScript's {@code Date.toString()}: {@code Sun Nov 22 2026 02:19:01 GMT+0000 (Coordinated Universal Time)}. */
	private static String javaScriptDateString(long epochMillis) {
		SimpleDateFormat format = new SimpleDateFormat("EEE MMM dd yyyy HH:mm:ss 'GMT+0000 (Coordinated Universal Time)'",
				Locale.ENGLISH);
		format.setTimeZone(TimeZone.getTimeZone("UTC"));
		return format.format(new Date(epochMillis));
	}

	static List<String> roomsOf(SocketIOClient client, String namespaceRoom) {
		List<String> rooms = new ArrayList<>(client.getAllRooms());
		rooms.remove(namespaceRoom);
		return rooms;
	}

}
