package dev.socketioredis.adapter;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.corundumstudio.socketio.HandshakeData;
import com.corundumstudio.socketio.SocketIOClient;
import dev.socketioredis.protocol.SocketDescription;
import org.jspecify.annotations.Nullable;

/**
 * Describes a local socket as {@code fetchSockets()} does to other nodes, with its handshake in the shape of a Node
 * server's ({@link SocketDescription#handshake}).
 */
final class SocketDetails {

	private SocketDetails() {
	}

	static SocketDescription of(SocketIOClient client, List<String> rooms) {
		return new SocketDescription(client.getSessionId().toString(), handshake(client.getHandshakeData()), rooms,
				SocketData.get(client));
	}

	private static Map<String, @Nullable Object> handshake(HandshakeData handshake) {
		Map<String, String> headers = new LinkedHashMap<>();
		handshake.getHttpHeaders().forEach((header) -> headers.putIfAbsent(header.getKey().toLowerCase(Locale.ROOT),
				header.getValue()));
		Map<String, String> query = new LinkedHashMap<>();
		handshake.getUrlParams().forEach((name, values) -> query.put(name, values.isEmpty() ? "" : values.get(0)));
		return SocketDescription.handshake(headers, handshake.getTime().getTime(), address(handshake),
				handshake.isXdomain(), handshake.getUrl(), query, handshake.getAuthToken());
	}

	private static String address(HandshakeData handshake) {
		InetSocketAddress address = handshake.getAddress();
		return (address.getAddress() != null) ? address.getAddress().getHostAddress() : address.getHostString();
	}

	static List<String> roomsOf(SocketIOClient client, String namespaceRoom) {
		List<String> rooms = new ArrayList<>(client.getAllRooms());
		rooms.remove(namespaceRoom);
		return rooms;
	}

}
