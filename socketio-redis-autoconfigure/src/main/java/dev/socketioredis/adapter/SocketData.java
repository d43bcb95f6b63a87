package dev.socketioredis.adapter;

import com.corundumstudio.socketio.SocketIOClient;
import org.jspecify.annotations.Nullable;

/**
 * Socket.IO's {@code socket.data} for netty-socketio clients: any value that Jackson can write (a map, a record, a
 * string...), kept in the client's session store, returned by {@code fetchSockets()} on every node and visible to
 * Node servers.
 *
 * <pre class="code">
 * SocketData.set(client, Map.of("user", "bob"));
 * </pre>
 */
public final class SocketData {

	private static final String KEY = "socketio-redis.data";

	private SocketData() {
	}

	public static void set(SocketIOClient client, @Nullable Object data) {
		if (data == null) {
			client.del(KEY);
		}
		else {
			client.set(KEY, data);
		}
	}

	public static @Nullable Object get(SocketIOClient client) {
		return client.get(KEY);
	}

}
