package dev.socketioredis.test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.core.ConditionTimeoutException;
import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Node.js Socket.IO server ({@code socket.io} with {@code @socket.io/redis-adapter}) on the same Redis as the Java
 * nodes: {@code src/test/node/peer.js}, run with {@code node} from the directory Maven prepared ({@code node.peer.dir}
 * system property, {@code target/node-peer} by default) and driven through JSON lines on its stdin and stdout. It also
 * hosts Node {@code socket.io-client}s (4.8, or 2.5 for Engine.IO v3, on the Node server or on any other one), whose
 * received events it records; binary arguments arrive as {@link Binary}. The Node server's cluster requests
 * ({@link #fetchSockets}, {@link #allRooms}, {@link #socketsJoin}, {@link #serverSideEmitWithAck},
 * {@link #emitWithAck}...) and the emitter's ({@link #emitterSocketsJoin}, {@link #emitterServerSideEmit}...) can be
 * made too; the server answers the server-side event {@code whoami} with {@code "node"}.
 *
 * <p>
 * Without {@code node} ({@code $NODE} or the {@code PATH}) or without a prepared peer directory, the test is aborted,
 * or fails under {@code CI=true}.
 *
 * <pre class="code">
 * try (NodePeer peer = NodePeer.start(redis)) {
 *     peer.connectClient("c1", "r1");
 *     peer.emit(List.of("r1"), List.of(), "news", "hello");
 *     peer.awaitEvents("c1", "news", 1);
 * }
 * </pre>
 */
public final class NodePeer implements AutoCloseable {

	private static final Duration TIMEOUT = Duration.ofSeconds(15);

	private static final ObjectMapper json = new ObjectMapper();

	private static final TypeReference<Map<String, Object>> LINE = new TypeReference<>() {
	};

	private final Process process;

	private final Writer stdin;

	/** Every line the peer printed, decoded, in order. */
	private final List<Map<String, Object>> lines = new CopyOnWriteArrayList<>();

	/** Client, event → the arguments of each time the event arrived. */
	private final Map<String, Map<String, List<List<Object>>>> events = new ConcurrentHashMap<>();

	/** The end of the peer's stderr, for failure messages. */
	private final List<String> stderr = new CopyOnWriteArrayList<>();

	private final AtomicInteger commandIds = new AtomicInteger();

	private volatile int port;

	private volatile String uid = "";

	private volatile boolean suspended;

	private NodePeer(Process process) {
		this.process = process;
		this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
		read(process.getInputStream(), "stdout", this::onLine);
		read(process.getErrorStream(), "stderr", (line) -> {
			this.stderr.add(line);
			if (this.stderr.size() > 200) {
				this.stderr.remove(0);
			}
		});
	}

	/**
	 * Starts a peer on {@code redis} and waits until it is subscribed and listening.
	 * @param arguments more {@code peer.js} options, e.g. {@code "--key", "myapp"} for another key prefix
	 */
	public static NodePeer start(RedisTestServer redis, String... arguments) {
		return start(List.of("--redis-host", redis.host(), "--redis-port", Integer.toString(redis.port())), arguments);
	}

	/**
	 * Starts a peer on a Redis Cluster (node-redis {@code createCluster}) and waits until it is subscribed and
	 * listening.
	 * @param arguments more {@code peer.js} options, e.g. {@code "--adapter", "sharded"}
	 */
	public static NodePeer start(RedisClusterTestServer cluster, String... arguments) {
		return start(List.of("--cluster-nodes", String.join(",", cluster.nodes())), arguments);
	}

	private static NodePeer start(List<String> redisArguments, String... arguments) {
		Path dir = peerDirectory();
		List<String> command = new ArrayList<>(List.of(nodeBinary(), "peer.js"));
		command.addAll(redisArguments);
		command.addAll(List.of(arguments));
		Process process;
		try {
			process = new ProcessBuilder(command).directory(dir.toFile()).start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start " + command + " in " + dir, ex);
		}
		NodePeer peer = new NodePeer(process);
		try {
			Map<String, Object> ready = peer.awaitLine(0, (line) -> "ready".equals(line.get("type")), "ready");
			peer.port = ((Number) ready.get("port")).intValue();
			peer.uid = (String) ready.get("uid");
			return peer;
		}
		catch (RuntimeException | Error ex) {
			peer.close();
			throw ex;
		}
	}

	/**
	 * Starts another script of the Node peer's directory (e.g. {@code churn.js}), its output read by the caller.
	 */
	public static Process startScript(String script, String... arguments) {
		List<String> command = new ArrayList<>(List.of(nodeBinary(), script));
		command.addAll(List.of(arguments));
		try {
			return new ProcessBuilder(command).directory(peerDirectory().toFile())
				.redirectError(ProcessBuilder.Redirect.INHERIT)
				.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start " + command, ex);
		}
	}

	/** The HTTP port the Node Socket.IO server listens on. */
	public int port() {
		return this.port;
	}

	/**
	 * The uid of the Node server's adapter of the default namespace: its own response channel is
	 * {@code socket.io-response#/#<uid>#}.
	 */
	public String uid() {
		return this.uid;
	}

	/**
	 * Stops the peer process ({@code SIGSTOP}): its Redis subscriptions stay counted by {@code PUBSUB NUMSUB}, but it
	 * answers nothing, as a node that hangs in the middle of a request. Undone by {@link #resume()} (and by
	 * {@link #close()}).
	 */
	public void suspend() {
		signal("STOP");
		this.suspended = true;
	}

	/** Lets a {@link #suspend() suspended} peer run again ({@code SIGCONT}). */
	public void resume() {
		signal("CONT");
		this.suspended = false;
	}

	/**
	 * Connects a Node {@code socket.io-client} 4.8 named {@code client} to the default namespace of the Node server
	 * (websocket), joining {@code rooms} (comma-separated, may be empty), and waits until it is connected.
	 * @return its socket id
	 */
	public String connectClient(String client, String rooms) {
		return connectClient(client, Client.v4().rooms(rooms)).socketId();
	}

	/**
	 * Connects a Node {@code socket.io-client} named {@code client} as {@code how} says, and waits until it is
	 * connected.
	 */
	public Connection connectClient(String client, Client how) {
		Map<String, Object> command = ordered("cmd", "connectClient", "id", client, "rooms", how.rooms, "namespace",
				how.namespace, "transport", how.transport, "version", how.version);
		if (how.port != null) {
			command.put("port", how.port);
		}
		if (how.auth != null) {
			command.put("auth", how.auth);
		}
		if (how.data != null) {
			command.put("data", how.data);
		}
		if (!how.answers.isEmpty()) {
			command.put("answers", how.answers);
		}
		Map<String, Object> done = command(command);
		return new Connection((String) done.get("socketId"), ((Number) done.get("engineIo")).intValue(),
				(String) done.get("transport"));
	}

	/**
	 * Connects a socket of {@code namespace} named {@code client} on the connection of client {@code of} (a
	 * {@code socket.io-client} 4.8 one), as {@code io.socket(namespace)} does, and waits until it is connected.
	 * @return its socket id
	 */
	public String openNamespace(String client, String of, String namespace) {
		return (String) command(ordered("cmd", "openNamespace", "id", client, "of", of, "namespace", namespace))
			.get("socketId");
	}

	/** {@code socket.emit(event, ...args)} by a client made by {@link #connectClient}. */
	public void clientEmit(String client, String event, @Nullable Object... args) {
		command(ordered("cmd", "clientEmit", "id", client, "event", event, "args", Arrays.asList(args)));
	}

	/**
	 * Disconnects a client made by {@link #connectClient} or {@link #openNamespace}: its socket only, the connection
	 * closes with its last socket.
	 */
	public void closeClient(String client) {
		command(ordered("cmd", "closeClient", "id", client));
	}

	/**
	 * {@code io.to(rooms).except(except).emit(event, ...args)} on the Node server; returns once called, in order
	 * with the previous ones. Rooms are strings, or integers for JS number rooms. Arguments travel as JSON, a
	 * {@code byte[]} (at any depth) as a {@code Buffer}.
	 */
	public void emit(List<?> rooms, List<?> except, String event, @Nullable Object... args) {
		emit("/", rooms, except, event, args);
	}

	/**
	 * {@code io.of(namespace).to(rooms).except(except).emit(event, ...args)}, as
	 * {@link #emit(List, List, String, Object...)}.
	 */
	public void emit(String namespace, List<?> rooms, List<?> except, String event, @Nullable Object... args) {
		command(ordered("cmd", "emit", "id", "emit-" + this.commandIds.incrementAndGet(), "namespace", namespace,
				"rooms", rooms, "except", except, "event", event, "args", toWire(Arrays.asList(args))));
	}

	/**
	 * Publishes through {@code @socket.io/redis-emitter} ({@code new Emitter(redisClient)}, on the connection the
	 * Node server publishes with):
	 * {@code emitter.of(namespace).to(rooms).except(except)[.volatile].emit(event, ...args)}. Returns once called,
	 * in order with the other commands; arguments as for {@link #emit(List, List, String, Object...)}.
	 */
	public void emitterEmit(String namespace, List<?> rooms, List<?> except, boolean isVolatile, String event,
			@Nullable Object... args) {
		command(ordered("cmd", "emitterEmit", "id", "emitter-" + this.commandIds.incrementAndGet(), "namespace",
				namespace, "rooms", rooms, "except", except, "volatile", isVolatile, "event", event, "args",
				toWire(Arrays.asList(args))));
	}

	/**
	 * {@code io.of(namespace).in(rooms).except(except).fetchSockets()} on the Node server, which asks every other node
	 * through Redis.
	 * @return each socket as {@code {id, rooms, data, handshake}} ({@code data} absent when undefined)
	 * @throws AssertionError when the Node adapter gave up ({@code timeout reached while waiting for fetchSockets
	 * response}, after its {@code requestsTimeout} of 5 s)
	 */
	@SuppressWarnings("unchecked")
	public List<Map<String, Object>> fetchSockets(String namespace, List<?> rooms, List<?> except) {
		Map<String, Object> done = command(ordered("cmd", "fetchSockets", "id", "fetch-" + this.commandIds.incrementAndGet(),
				"namespace", namespace, "rooms", rooms, "except", except));
		failOnError("fetchSockets", done);
		return (List<Map<String, Object>>) done.get("sockets");
	}

	/** The socket ids {@link #fetchSockets} finds. */
	public List<String> fetchSocketIds(String namespace, List<?> rooms, List<?> except) {
		return fetchSockets(namespace, rooms, except).stream().map((socket) -> (String) socket.get("id")).toList();
	}

	/** {@code io.of(namespace).adapter.allRooms()} on the Node server: the rooms of every node. */
	@SuppressWarnings("unchecked")
	public List<Object> allRooms(String namespace) {
		Map<String, Object> done = command(ordered("cmd", "allRooms", "id", "rooms-" + this.commandIds.incrementAndGet(),
				"namespace", namespace));
		failOnError("allRooms", done);
		return (List<Object>) done.get("rooms");
	}

	/**
	 * {@code io.of(namespace).in(rooms).except(except).socketsJoin(join)} on the Node server; returns once called (the
	 * Node adapter applies it, on every node, when the request comes back from Redis).
	 */
	public void socketsJoin(String namespace, List<?> rooms, List<?> except, List<String> join) {
		request("socketsJoin", namespace, rooms, except, "join", join);
	}

	/** {@code io.of(namespace).in(rooms).except(except).socketsLeave(leave)} on the Node server, as {@link #socketsJoin}. */
	public void socketsLeave(String namespace, List<?> rooms, List<?> except, List<String> leave) {
		request("socketsLeave", namespace, rooms, except, "leave", leave);
	}

	/** {@code io.of(namespace).in(rooms).except(except).disconnectSockets(close)} on the Node server. */
	public void disconnectSockets(String namespace, List<?> rooms, List<?> except, boolean close) {
		request("disconnectSockets", namespace, rooms, except, "close", close);
	}

	/**
	 * {@code await io.of(namespace).serverSideEmitWithAck(event, ...args)} on the Node server, with the adapter's
	 * {@code requestsTimeout} set to {@code timeout} for it.
	 */
	public Acks serverSideEmitWithAck(String namespace, Duration timeout, String event, @Nullable Object... args) {
		return acks(command(ordered("cmd", "serverSideEmitWithAck", "id", "sse-" + this.commandIds.incrementAndGet(),
				"namespace", namespace, "event", event, "args", toWire(Arrays.asList(args)), "timeoutMs",
				timeout.toMillis())));
	}

	/** {@code await io.of(namespace).timeout(timeout).to(rooms).except(except).emitWithAck(event, ...args)}. */
	public Acks emitWithAck(String namespace, List<?> rooms, List<?> except, Duration timeout, String event,
			@Nullable Object... args) {
		return acks(command(ordered("cmd", "emitWithAck", "id", "ack-" + this.commandIds.incrementAndGet(), "namespace",
				namespace, "rooms", rooms, "except", except, "event", event, "args", toWire(Arrays.asList(args)),
				"timeoutMs", timeout.toMillis())));
	}

	/** {@code emitter.of(namespace).in(rooms).except(except).socketsJoin(join)} ({@code @socket.io/redis-emitter}). */
	public void emitterSocketsJoin(String namespace, List<?> rooms, List<?> except, List<String> join) {
		request("emitterSocketsJoin", namespace, rooms, except, "join", join);
	}

	/** {@code emitter.of(namespace).in(rooms).except(except).socketsLeave(leave)}. */
	public void emitterSocketsLeave(String namespace, List<?> rooms, List<?> except, List<String> leave) {
		request("emitterSocketsLeave", namespace, rooms, except, "leave", leave);
	}

	/** {@code emitter.of(namespace).in(rooms).except(except).disconnectSockets(close)}. */
	public void emitterDisconnectSockets(String namespace, List<?> rooms, List<?> except, boolean close) {
		request("emitterDisconnectSockets", namespace, rooms, except, "close", close);
	}

	/** {@code emitter.of(namespace).serverSideEmit(event, ...args)}. */
	public void emitterServerSideEmit(String namespace, String event, @Nullable Object... args) {
		command(ordered("cmd", "emitterServerSideEmit", "id", "emitter-" + this.commandIds.incrementAndGet(),
				"namespace", namespace, "event", event, "args", toWire(Arrays.asList(args))));
	}

	/**
	 * The arguments of every {@code event} the Node client received so far, in arrival order, as JSON values, binary
	 * ones as {@link Binary}. A {@code disconnect} event is recorded too, with the reason.
	 */
	public List<List<Object>> events(String client, String event) {
		return this.events.computeIfAbsent(client, (name) -> new ConcurrentHashMap<>())
			.computeIfAbsent(event, (name) -> new CopyOnWriteArrayList<>());
	}

	/** Waits until the Node client received {@code event} {@code count} times. */
	public List<List<Object>> awaitEvents(String client, String event, int count) {
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(events(client, event)).as("'%s' events of Node client %s", event, client)
				.hasSizeGreaterThanOrEqualTo(count));
		return events(client, event);
	}

	/**
	 * Sends one command and waits for its answer.
	 * @return the {@code done} line
	 * @throws AssertionError when the peer answers with an error or not at all
	 */
	public Map<String, Object> command(Map<String, Object> command) {
		Object id = command.get("id");
		int from;
		synchronized (this.stdin) {
			from = this.lines.size();
			try {
				this.stdin.write(json.writeValueAsString(command) + "\n");
				this.stdin.flush();
			}
			catch (IOException ex) {
				throw new AssertionError("Could not send " + command + " to the Node peer" + diagnostics(), ex);
			}
		}
		Map<String, Object> reply = awaitLine(from, (line) -> ("done".equals(line.get("type"))
				|| "error".equals(line.get("type"))) && id.equals(line.get("id")), "an answer to " + command);
		if ("error".equals(reply.get("type"))) {
			throw new AssertionError("The Node peer failed " + command + ": " + reply.get("message"));
		}
		return reply;
	}

	/** Closes stdin, which makes the peer shut down cleanly, and kills it if it takes too long. */
	@Override
	public void close() {
		if (this.suspended) {
			resume();
		}
		try {
			this.stdin.close();
		}
		catch (IOException ex) {
			// already gone
		}
		try {
			if (!this.process.waitFor(5, TimeUnit.SECONDS)) {
				this.process.descendants().forEach(ProcessHandle::destroyForcibly);
				this.process.destroyForcibly();
				this.process.waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	private void request(String cmd, String namespace, List<?> rooms, List<?> except, String field, Object value) {
		command(ordered("cmd", cmd, "id", cmd + "-" + this.commandIds.incrementAndGet(), "namespace", namespace,
				"rooms", rooms, "except", except, field, value));
	}

	private void failOnError(String what, Map<String, Object> done) {
		if (done.get("error") != null) {
			throw new AssertionError("The Node server's " + what + " failed: " + done.get("error"));
		}
	}

	@SuppressWarnings("unchecked")
	private static Acks acks(Map<String, Object> done) {
		Object responses = fromWire(done.get("responses"));
		return new Acks((responses instanceof List<?> list) ? (List<Object>) list : List.of(),
				(String) done.get("error"));
	}

	private void signal(String signal) {
		try {
			Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(this.process.pid())).inheritIO()
				.start();
			if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
				throw new AssertionError("kill -" + signal + " " + this.process.pid() + " failed");
			}
		}
		catch (IOException ex) {
			throw new AssertionError("Could not run kill -" + signal, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("Interrupted while sending SIG" + signal, ex);
		}
	}

	/** Waits for the first line from index {@code from} on that matches. */
	private Map<String, Object> awaitLine(int from, Predicate<Map<String, Object>> matching, String description) {
		try {
			// the peer answers within milliseconds: poll often (the default waits 100 ms before the first look)
			return await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(5)).until(() -> {
				if (!this.process.isAlive()) {
					throw new AssertionError("The Node peer exited with " + this.process.exitValue()
							+ " while waiting for " + description + diagnostics());
				}
				return this.lines.stream().skip(from).filter(matching).findFirst().orElse(null);
			}, (line) -> line != null);
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError("The Node peer sent no " + description + " within " + TIMEOUT + diagnostics(),
					ex);
		}
	}

	@SuppressWarnings("unchecked")
	private void onLine(String text) {
		Map<String, Object> line;
		try {
			line = json.readValue(text, LINE);
		}
		catch (JsonProcessingException ex) {
			this.stderr.add("(stdout, not JSON) " + text);
			return;
		}
		if ("event".equals(line.get("type"))) {
			events((String) line.get("client"), (String) line.get("event"))
				.add((List<Object>) fromWire(line.get("args")));
		}
		this.lines.add(line);
	}

	private String diagnostics() {
		return "\n--- peer stderr ---\n" + String.join("\n", this.stderr) + "\n--- last stdout lines ---\n"
				+ this.lines.subList(Math.max(0, this.lines.size() - 20), this.lines.size());
	}

	private static void read(InputStream stream, String name, Consumer<String> consumer) {
		Thread thread = new Thread(() -> {
			try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
				String line;
				while ((line = reader.readLine()) != null) {
					consumer.accept(line);
				}
			}
			catch (IOException ex) {
				// the process is gone
			}
		}, "node-peer-" + name);
		thread.setDaemon(true);
		thread.start();
	}

	/** byte[] → {@code {"$bin":"<hex>"}}, which the peer turns into a Buffer. */
	private static @Nullable Object toWire(@Nullable Object value) {
		if (value instanceof byte[] bytes) {
			return Map.of("$bin", HexFormat.of().formatHex(bytes));
		}
		if (value instanceof List<?> list) {
			return list.stream().map(NodePeer::toWire).collect(ArrayList::new, ArrayList::add, ArrayList::addAll);
		}
		if (value instanceof Map<?, ?> map) {
			Map<Object, @Nullable Object> wire = new LinkedHashMap<>();
			map.forEach((key, item) -> wire.put(key, toWire(item)));
			return wire;
		}
		return value;
	}

	/** {@code {"$bin":"<hex>","class":"Buffer"}} from the peer → {@link Binary}. */
	private static @Nullable Object fromWire(@Nullable Object value) {
		if (value instanceof Map<?, ?> map && map.get("$bin") instanceof String hex) {
			return new Binary((String) map.get("class"), hex);
		}
		if (value instanceof List<?> list) {
			return list.stream().map(NodePeer::fromWire).collect(ArrayList::new, ArrayList::add, ArrayList::addAll);
		}
		if (value instanceof Map<?, ?> map) {
			Map<Object, @Nullable Object> plain = new LinkedHashMap<>();
			map.forEach((key, item) -> plain.put(key, fromWire(item)));
			return plain;
		}
		return value;
	}

	private static Map<String, Object> ordered(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

	private static Path peerDirectory() {
		Path dir = Path.of(System.getProperty("node.peer.dir", "target/node-peer")).toAbsolutePath();
		if (!Files.isRegularFile(dir.resolve("peer.js")) || !Files.isDirectory(dir.resolve("node_modules"))) {
			ExternalTools.require(false, "The Node peer is not installed in " + dir
					+ " (the build installs it at pre-integration-test unless -Dnode.peer.skip=true; or run npm ci in a copy of src/test/node there)");
		}
		return dir;
	}

	private static String nodeBinary() {
		return ExternalTools.locate("NODE", "node", "No node on the PATH (set NODE or install Node.js 18 or later)");
	}

	/**
	 * A binary value a Node client received: what JS type it arrived as ({@code Buffer}, {@code ArrayBuffer}...) and
	 * its bytes in hex.
	 */
	public record Binary(String type, String hex) {

		/** A {@code Buffer} holding these bytes. */
		public static Binary buffer(byte[] bytes) {
			return new Binary("Buffer", HexFormat.of().formatHex(bytes));
		}

		public byte[] bytes() {
			return HexFormat.of().parseHex(this.hex);
		}

	}

	/**
	 * What a Node {@code *WithAck} call gave: every acknowledgement, or the error (e.g. {@code operation has timed
	 * out}, {@code timeout reached: only 1 responses received out of 2}) with the ones that arrived before it.
	 */
	public record Acks(List<Object> responses, @Nullable String error) {

	}

	/**
	 * A connected Node client: its socket id, and the Engine.IO protocol version ({@code 3} or {@code 4}) and transport
	 * ({@code websocket} or {@code polling}) it is using.
	 */
	public record Connection(String socketId, int engineIo, String transport) {

	}

	/**
	 * How {@link #connectClient(String, Client)} connects a Node client: which {@code socket.io-client}, to which server
	 * and namespace, over which transport, joining which rooms. Immutable.
	 *
	 * <pre class="code">
	 * Client.v2().to(javaNode.port()).transport("polling").rooms("r1")
	 * </pre>
	 */
	public static final class Client {

		private final int version;

		private final @Nullable Integer port;

		private final String namespace;

		private final String transport;

		private final String rooms;

		private final @Nullable Map<String, ?> auth;

		private final @Nullable Object data;

		private final Map<String, Object> answers;

		private Client(int version, @Nullable Integer port, String namespace, String transport, String rooms,
				@Nullable Map<String, ?> auth, @Nullable Object data, Map<String, Object> answers) {
			this.version = version;
			this.port = port;
			this.namespace = namespace;
			this.transport = transport;
			this.rooms = rooms;
			this.auth = auth;
			this.data = data;
			this.answers = answers;
		}

		/** {@code socket.io-client} 4.8 (Engine.IO v4), to the Node server's default namespace over websocket. */
		public static Client v4() {
			return new Client(4, null, "/", "websocket", "", null, null, Map.of());
		}

		/** {@code socket.io-client} 2.5.0 (Engine.IO v3), to the Node server's default namespace over websocket. */
		public static Client v2() {
			return new Client(2, null, "/", "websocket", "", null, null, Map.of());
		}

		/** To the server on this port of 127.0.0.1 (a Java node) instead of the Node server. */
		public Client to(int port) {
			return new Client(this.version, port, this.namespace, this.transport, this.rooms, this.auth, this.data,
					this.answers);
		}

		/** To this namespace, e.g. {@code /admin}. */
		public Client namespace(String namespace) {
			return new Client(this.version, this.port, namespace, this.transport, this.rooms, this.auth, this.data,
					this.answers);
		}

		/** With this transport only: {@code websocket} or {@code polling}. */
		public Client transport(String transport) {
			return new Client(this.version, this.port, this.namespace, transport, this.rooms, this.auth, this.data,
					this.answers);
		}

		/** Joining these rooms (the {@code room} query, comma-separated). */
		public Client rooms(String rooms) {
			return new Client(this.version, this.port, this.namespace, this.transport, rooms, this.auth, this.data,
					this.answers);
		}

		/** With this handshake {@code auth} (4.8 only). */
		public Client auth(Map<String, ?> auth) {
			return new Client(this.version, this.port, this.namespace, this.transport, this.rooms, auth, this.data,
					this.answers);
		}

		/**
		 * With this {@code socket.data} on the Node server (4.8 only): sent as JSON in the {@code data} query, which the
		 * peer's server parses into {@code socket.data}.
		 */
		public Client data(Object data) {
			return new Client(this.version, this.port, this.namespace, this.transport, this.rooms, this.auth, data,
					this.answers);
		}

		/** Acknowledging every {@code event} that asks for it with {@code reply} (4.8 only). */
		public Client answering(String event, Object reply) {
			Map<String, Object> answers = new LinkedHashMap<>(this.answers);
			answers.put(event, reply);
			return new Client(this.version, this.port, this.namespace, this.transport, this.rooms, this.auth,
					this.data, Map.copyOf(answers));
		}

	}

}
