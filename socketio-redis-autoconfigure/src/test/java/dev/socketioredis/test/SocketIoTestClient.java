package dev.socketioredis.test;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.socket.client.IO;
import io.socket.client.Socket;
import io.socket.client.SocketOptionBuilder;
import io.socket.engineio.client.transports.WebSocket;
import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real Java Socket.IO v4 client ({@code io.socket:socket.io-client}) that records every event it receives.
 */
public final class SocketIoTestClient implements AutoCloseable {

	private static final Duration TIMEOUT = Duration.ofSeconds(15);

	private final Socket socket;

	private final Map<String, List<List<Object>>> received = new ConcurrentHashMap<>();

	private SocketIoTestClient(Socket socket) {
		this.socket = socket;
	}

	/**
	 * Connects over websocket and waits until connected.
	 * @param query handshake query, e.g. {@code room=r1}, or empty
	 */
	public static SocketIoTestClient connect(int port, String namespace, String query, String... events) {
		return connect(WebSocket.NAME, port, namespace, query, events);
	}

	/**
	 * Connects with one transport only ({@code websocket} or {@code polling}) and waits until connected.
	 */
	public static SocketIoTestClient connect(String transport, int port, String namespace, String query,
			String... events) {
		return connect(transport, port, namespace, query, null, events);
	}

	/**
	 * Connects over websocket with this handshake {@code auth} and waits until connected.
	 */
	public static SocketIoTestClient connect(int port, String namespace, String query, Map<String, String> auth,
			String... events) {
		return connect(WebSocket.NAME, port, namespace, query, auth, events);
	}

	/**
	 * Connects with one transport only and these extra HTTP headers on every request (a {@code Cookie}, say), and
	 * waits until connected.
	 */
	public static SocketIoTestClient connectWithHeaders(String transport, int port, String namespace, String query,
			Map<String, List<String>> headers, String... events) {
		return connect(IO.Options.builder().setExtraHeaders(headers), transport, port, namespace, query, events);
	}

	private static SocketIoTestClient connect(String transport, int port, String namespace, String query,
			@Nullable Map<String, String> auth, String... events) {
		SocketOptionBuilder builder = IO.Options.builder();
		return connect((auth != null) ? builder.setAuth(auth) : builder, transport, port, namespace, query, events);
	}

	private static SocketIoTestClient connect(SocketOptionBuilder builder, String transport, int port, String namespace,
			String query, String... events) {
		IO.Options options = builder.setForceNew(true)
			.setReconnection(false)
			.setTransports(new String[] { transport })
			.setQuery(query.isEmpty() ? null : query)
			.build();
		Socket socket = IO.socket(URI.create("http://127.0.0.1:" + port + namespace), options);
		SocketIoTestClient client = new SocketIoTestClient(socket);
		socket.on(Socket.EVENT_DISCONNECT, (args) -> client.events(Socket.EVENT_DISCONNECT).add(Arrays.asList(args)));
		for (String event : events) {
			socket.on(event, (args) -> client.events(event).add(Arrays.asList(args)));
		}
		socket.connect();
		await().atMost(TIMEOUT).until(socket::connected);
		return client;
	}

	/** Acknowledges every {@code event} the server sends with an acknowledgement request, with {@code reply}. */
	public SocketIoTestClient answering(String event, Object reply) {
		this.socket.on(event, (args) -> {
			if (args.length > 0 && args[args.length - 1] instanceof io.socket.client.Ack ack) {
				ack.call(reply);
			}
		});
		return this;
	}

	/** The arguments of every {@code event} received so far, in arrival order. */
	public List<List<Object>> events(String event) {
		return this.received.computeIfAbsent(event, (name) -> new CopyOnWriteArrayList<>());
	}

	/** Waits until {@code event} arrived {@code count} times. */
	public List<List<Object>> awaitEvents(String event, int count) {
		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(events(event)).hasSizeGreaterThanOrEqualTo(count));
		return events(event);
	}

	public String id() {
		return this.socket.id();
	}

	public Socket socket() {
		return this.socket;
	}

	@Override
	public void close() {
		this.socket.close();
	}

}
