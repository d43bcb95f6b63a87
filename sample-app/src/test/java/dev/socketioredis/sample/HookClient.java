package dev.socketioredis.sample;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Socket;
import io.socket.engineio.client.transports.WebSocket;
import org.json.JSONArray;
import org.json.JSONException;
import org.json.JSONObject;

import static org.awaitility.Awaitility.await;

/**
 * A Java Socket.IO client ({@code io.socket:socket.io-client}, websocket only) for the sample's hooks: it records
 * the events it is told to listen to, converted from {@code org.json} to plain maps and lists, and calls hooks with
 * an acknowledgement.
 */
final class HookClient implements AutoCloseable {

	private static final Duration TIMEOUT = Duration.ofSeconds(15);

	private final Socket socket;

	private final Map<String, List<List<Object>>> received = new ConcurrentHashMap<>();

	private HookClient(Socket socket) {
		this.socket = socket;
	}

	/**
	 * Connects to a namespace ({@code ""} for the default one) and waits until connected.
	 * @param rooms the {@code room} query, comma-separated
	 * @param data the {@code data} query (a JSON text), or {@code null}
	 */
	static HookClient connect(int port, String namespace, String rooms, String data, String... events) {
		String query = "room=" + encode(rooms) + ((data != null) ? "&data=" + encode(data) : "");
		IO.Options options = IO.Options.builder()
			.setForceNew(true)
			.setReconnection(false)
			.setTransports(new String[] { WebSocket.NAME })
			.setQuery(query)
			.build();
		Socket socket = IO.socket(URI.create("http://127.0.0.1:" + port + namespace), options);
		HookClient client = new HookClient(socket);
		for (String event : events) {
			socket.on(event, (args) -> client.events(event).add(toJava(args)));
		}
		socket.connect();
		await().atMost(TIMEOUT).until(socket::connected);
		return client;
	}

	/** Acknowledges every {@code event} with {@code reply}. */
	HookClient answering(String event, Object reply) {
		this.socket.on(event, (args) -> {
			if (args.length > 0 && args[args.length - 1] instanceof Ack ack) {
				ack.call(reply);
			}
		});
		return this;
	}

	/** Emits without an acknowledgement. */
	void emit(String event, Map<String, ?> payload) throws JSONException {
		this.socket.emit(event, toJson(payload));
	}

	/** Emits a hook and returns the first argument of its acknowledgement, as plain Java values. */
	Object call(String event, Map<String, ?> payload) throws Exception {
		CompletableFuture<Object> ack = new CompletableFuture<>();
		this.socket.emit(event, new Object[] { toJson(payload) },
				(Ack) (args) -> ack.complete((args.length > 0) ? toJava(args[0]) : null));
		return ack.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
	}

	List<List<Object>> events(String event) {
		return this.received.computeIfAbsent(event, (name) -> new CopyOnWriteArrayList<>());
	}

	String id() {
		return this.socket.id();
	}

	@Override
	public void close() {
		this.socket.close();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** Maps and lists become {@code JSONObject}s and {@code JSONArray}s (the client's old org.json wants that). */
	private static Object toJson(Object value) throws JSONException {
		if (value instanceof Map<?, ?> map) {
			JSONObject object = new JSONObject();
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				object.put(String.valueOf(entry.getKey()), toJson(entry.getValue()));
			}
			return object;
		}
		if (value instanceof List<?> list) {
			JSONArray array = new JSONArray();
			for (Object item : list) {
				array.put(toJson(item));
			}
			return array;
		}
		return value;
	}

	private static List<Object> toJava(Object[] args) {
		return Arrays.stream(args).map(HookClient::toJava).toList();
	}

	private static Object toJava(Object value) {
		try {
			if (value instanceof JSONObject object) {
				Map<String, Object> map = new LinkedHashMap<>();
				for (Iterator<?> keys = object.keys(); keys.hasNext();) {
					String key = (String) keys.next();
					map.put(key, toJava(object.get(key)));
				}
				return map;
			}
			if (value instanceof JSONArray array) {
				List<Object> list = new ArrayList<>();
				for (int i = 0; i < array.length(); i++) {
					list.add(toJava(array.get(i)));
				}
				return list;
			}
			return (value == JSONObject.NULL) ? null : value;
		}
		catch (JSONException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
