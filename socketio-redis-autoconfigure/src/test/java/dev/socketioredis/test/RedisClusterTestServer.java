package dev.socketioredis.test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.awaitility.Awaitility.await;

/**
 * A real Redis Cluster for a test class: 3 masters and 3 replicas of {@code redis-server --cluster-enabled yes} on
 * free loopback ports, joined with {@code redis-cli --cluster create}, awaited until every node reports
 * {@code cluster_state:ok} and every replica in sync, stopped (and its files deleted) after the class. A master can be
 * killed for a failover: its replica takes over after the node timeout (2 s here).
 *
 * <pre class="code">
 * &#64;RegisterExtension
 * static RedisClusterTestServer cluster = new RedisClusterTestServer();
 * </pre>
 */
public final class RedisClusterTestServer implements BeforeAllCallback, AfterAllCallback {

	private static final int NODES = 6;

	private static final Duration FORMATION_TIMEOUT = Duration.ofSeconds(60);

	private final Map<Integer, Process> processes = new LinkedHashMap<>();

	private Path directory;

	@Override
	public void beforeAll(ExtensionContext context) throws IOException, InterruptedException {
		this.directory = Files.createTempDirectory("redis-cluster-");
		String server = ExternalTools.locate("REDIS_SERVER", "redis-server",
				"No redis-server on the PATH (set REDIS_SERVER or install redis-server)");
		for (int i = 0; i < NODES; i++) {
			int port = freeClusterPort();
			Path nodeDirectory = Files.createDirectories(this.directory.resolve(Integer.toString(port)));
			this.processes.put(port, new ProcessBuilder(server, "--port", Integer.toString(port), "--bind", "127.0.0.1",
					"--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf", "--cluster-node-timeout", "2000",
					"--save", "", "--appendonly", "no", "--dir", nodeDirectory.toString())
				.redirectErrorStream(true)
				.redirectOutput(nodeDirectory.resolve("redis.log").toFile())
				.start());
		}
		for (int port : this.processes.keySet()) {
			await().atMost(FORMATION_TIMEOUT).ignoreExceptions().until(() -> command(port, "PING").startsWith("+PONG"));
		}
		create();
		await().atMost(FORMATION_TIMEOUT)
			.ignoreExceptions()
			.until(() -> this.processes.keySet().stream().allMatch(this::isOkWithEveryNode));
		// a replica that has not synced with its master yet refuses to replace it
		await().atMost(FORMATION_TIMEOUT)
			.ignoreExceptions()
			.until(() -> this.processes.keySet().stream().allMatch(this::isMasterOrSyncedReplica));
	}

	private boolean isMasterOrSyncedReplica(int port) {
		try {
			String replication = command(port, "INFO replication");
			return replication.contains("role:master") || replication.contains("master_link_status:up");
		}
		catch (IOException ex) {
			return false;
		}
	}

	private void create() throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(ExternalTools.locate("REDIS_CLI", "redis-cli",
				"No redis-cli on the PATH (set REDIS_CLI or install redis-tools)"), "--cluster", "create"));
		this.processes.keySet().forEach((port) -> command.add("127.0.0.1:" + port));
		command.addAll(List.of("--cluster-replicas", "1", "--cluster-yes"));
		Process create = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.directory.resolve("create.log").toFile())
			.start();
		if (!create.waitFor(FORMATION_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || create.exitValue() != 0) {
			throw new IllegalStateException("redis-cli --cluster create failed: "
					+ Files.readString(this.directory.resolve("create.log")));
		}
	}

	private boolean isOkWithEveryNode(int port) {
		String info = clusterInfo(port);
		return info.contains("cluster_state:ok") && info.contains("cluster_known_nodes:" + NODES);
	}

	@Override
	public void afterAll(ExtensionContext context) throws IOException {
		this.processes.values().forEach(RedisClusterTestServer::kill);
		this.processes.clear();
		if (this.directory != null) {
			try (Stream<Path> files = Files.walk(this.directory)) {
				files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
			}
		}
	}

	/** {@code host:port} of every running node. */
	public List<String> nodes() {
		return this.processes.keySet().stream().map((port) -> "127.0.0.1:" + port).toList();
	}

	/** Spring Boot's settings for this cluster. */
	public List<String> springProperties() {
		return List.of("spring.data.redis.cluster.nodes=" + String.join(",", nodes()));
	}

	/** The ports of the masters, as a running node sees them. */
	public List<Integer> masters() throws IOException {
		return clusterNodes().stream()
			.filter((line) -> line.contains("master") && !line.contains("fail"))
			.map(RedisClusterTestServer::portOf)
			.toList();
	}

	/** The port of the master that serves the slot of this key or shard channel. */
	public int ownerOf(String key) throws IOException {
		int slot = slotOf(key);
		return clusterNodes().stream()
			.filter((line) -> line.contains("master") && !line.contains("fail"))
			.filter((line) -> servesSlot(line, slot))
			.map(RedisClusterTestServer::portOf)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No master serves slot " + slot));
	}

	/**
	 * Moves the slot of this key or shard channel to another master, as resharding does (pub/sub keeps nothing in a
	 * slot, so there is no key to migrate): every node is told its new owner.
	 */
	public void moveSlot(String key, int targetPort) throws IOException {
		int slot = slotOf(key);
		int sourcePort = ownerOf(key);
		String sourceId = nodeId(sourcePort);
		String targetId = nodeId(targetPort);
		command(targetPort, "CLUSTER SETSLOT " + slot + " IMPORTING " + sourceId);
		command(sourcePort, "CLUSTER SETSLOT " + slot + " MIGRATING " + targetId);
		command(targetPort, "CLUSTER SETSLOT " + slot + " NODE " + targetId);
		command(sourcePort, "CLUSTER SETSLOT " + slot + " NODE " + targetId);
		for (int port : masters()) {
			command(port, "CLUSTER SETSLOT " + slot + " NODE " + targetId);
		}
	}

	private int slotOf(String key) throws IOException {
		String reply = command(this.processes.keySet().iterator().next(), "CLUSTER KEYSLOT " + key);
		return Integer.parseInt(reply.trim().substring(1)); // ":1234"
	}

	/** {@code CLUSTER MYID}: {@code $40\r\n<id>\r\n}. */
	private String nodeId(int port) throws IOException {
		return command(port, "CLUSTER MYID").lines().skip(1).findFirst().orElseThrow().trim();
	}

	/** {@code <id> <address> <flags> <master> <ping> <pong> <epoch> <link> 0-5460 ...}. */
	private static boolean servesSlot(String clusterNodesLine, int slot) {
		String[] fields = clusterNodesLine.split(" ");
		for (int i = 8; i < fields.length; i++) {
			String[] range = fields[i].split("-");
			int first = Integer.parseInt(range[0]);
			int last = (range.length > 1) ? Integer.parseInt(range[1]) : first;
			if (first <= slot && slot <= last) {
				return true;
			}
		}
		return false;
	}

	/** Kills a node at once (SIGKILL), as a crash would. */
	public void kill(int port) {
		Process process = this.processes.remove(port);
		if (process != null) {
			kill(process);
		}
	}

	/** Whether every running node reports the cluster ok again, with the killed nodes marked failed. */
	public boolean isOk() {
		return this.processes.keySet().stream().allMatch((port) -> clusterInfo(port).contains("cluster_state:ok"));
	}

	/** Sends one command to a node and returns its raw reply. */
	public String command(int port, String command) throws IOException {
		return RedisTestServer.command("127.0.0.1", port, command);
	}

	/** The node's {@code CLUSTER INFO}, empty when it does not answer. */
	private String clusterInfo(int port) {
		try {
			return command(port, "CLUSTER INFO");
		}
		catch (IOException ex) {
			return "";
		}
	}

	private List<String> clusterNodes() throws IOException {
		int anyPort = this.processes.keySet().iterator().next();
		return command(anyPort, "CLUSTER NODES").lines().filter((line) -> line.contains("127.0.0.1:")).toList();
	}

	/** {@code <id> 127.0.0.1:7000@17000 master ...} → 7000. */
	private static int portOf(String clusterNodesLine) {
		String address = clusterNodesLine.split(" ")[1];
		return Integer.parseInt(address.substring(address.indexOf(':') + 1, address.indexOf('@')));
	}

	private static void kill(Process process) {
		process.destroyForcibly();
		try {
			process.waitFor(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** A port whose cluster bus port (10000 above) is free too, below the ephemeral range the OS hands out. */
	private int freeClusterPort() {
		for (int attempt = 0; attempt < 1000; attempt++) {
			int port = ThreadLocalRandom.current().nextInt(20000, 30000);
			if (!this.processes.containsKey(port) && isFree(port) && isFree(port + 10000)) {
				return port;
			}
		}
		throw new IllegalStateException("No free pair of ports for a Redis Cluster node");
	}

	private static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress("127.0.0.1", port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
