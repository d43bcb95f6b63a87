package dev.socketioredis.test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.redis.testcontainers.RedisContainer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

import static org.awaitility.Awaitility.await;

/**
 * A real, private Redis for one test class: a Testcontainers container when a Docker engine is available, otherwise
 * {@code redis-server} from {@code $REDIS_SERVER} or the {@code PATH}, on a free loopback port. Under {@code CI=true}
 * a missing Redis fails the tests instead of skipping them.
 *
 * <pre class="code">
 * &#64;RegisterExtension
 * static RedisTestServer redis = new RedisTestServer();
 * </pre>
 */
public final class RedisTestServer implements BeforeAllCallback, AfterAllCallback {

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(20);

	private final boolean tls;

	private Backend backend = new NotStarted();

	private int tlsPort;

	private @Nullable Path certificate;

	public RedisTestServer() {
		this(false);
	}

	private RedisTestServer(boolean tls) {
		this.tls = tls;
	}

	/**
	 * A {@code redis-server} process that also accepts TLS, on {@link #tlsSpringProperties() its TLS port}, with a
	 * self-signed certificate for {@code 127.0.0.1} made for the test class by {@code openssl}.
	 */
	public static RedisTestServer withTls() {
		return new RedisTestServer(true);
	}

	@Override
	public void beforeAll(ExtensionContext context) throws IOException, InterruptedException {
		if (!this.tls && dockerAvailable()) {
			RedisContainer container = new RedisContainer(RedisContainer.DEFAULT_IMAGE_NAME);
			container.start();
			this.backend = new ContainerBackend(container);
			return;
		}
		this.backend = new ProcessBackend(redisServerBinary(), freePort(), this.tls ? tlsArguments() : List.of());
		start();
	}

	private List<String> tlsArguments() throws IOException, InterruptedException {
		Path directory = Files.createTempDirectory("redis-tls");
		Path key = directory.resolve("redis.key");
		Path certificate = directory.resolve("redis.crt");
		String openssl = ExternalTools.locate("OPENSSL", "openssl", "No openssl on the PATH (install openssl)");
		Process process = new ProcessBuilder(openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
				key.toString(), "-out", certificate.toString(), "-days", "2", "-subj", "/CN=127.0.0.1", "-addext",
				"subjectAltName=IP:127.0.0.1")
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IllegalStateException("openssl could not make a test certificate");
		}
		this.certificate = certificate;
		this.tlsPort = freePort();
		return List.of("--tls-port", Integer.toString(this.tlsPort), "--tls-cert-file", certificate.toString(),
				"--tls-key-file", key.toString(), "--tls-ca-cert-file", certificate.toString(), "--tls-auth-clients",
				"no");
	}

	/**
	 * Spring Boot properties that point an application at this Redis over TLS, trusting its certificate through an
	 * SSL bundle; for a server made by {@link #withTls()}.
	 */
	public List<String> tlsSpringProperties() {
		if (this.certificate == null) {
			throw new IllegalStateException("This Redis has no TLS port: make it with RedisTestServer.withTls()");
		}
		return List.of("spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + this.tlsPort,
				"spring.data.redis.ssl.bundle=redis-test",
				"spring.ssl.bundle.pem.redis-test.truststore.certificate=file:" + this.certificate);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		this.backend.stop();
	}

	public String host() {
		return this.backend.host();
	}

	public int port() {
		return this.backend.port();
	}

	/** Spring Boot properties that point an application at this Redis. */
	public List<String> springProperties() {
		return List.of("spring.data.redis.host=" + host(), "spring.data.redis.port=" + port());
	}

	/** Kills Redis, as a crash or a network failure would. */
	public void stop() {
		this.backend.stop();
	}

	/** Starts Redis again on the same port after {@link #stop()}, empty. */
	public void start() throws IOException {
		this.backend.start();
		await().atMost(STARTUP_TIMEOUT).ignoreExceptions().until(this::answersPing);
	}

	/** Sends one inline command and returns the raw reply. */
	public String command(String command) throws IOException {
		return command(host(), port(), command);
	}

	/** Sends one inline command to a Redis server and returns the first part of its raw reply (up to 16 KiB). */
	static String command(String host, int port, String command) throws IOException {
		try (Socket socket = new Socket(host, port)) {
			socket.setSoTimeout(5000);
			OutputStream out = socket.getOutputStream();
			out.write((command + "\r\n").getBytes(StandardCharsets.UTF_8));
			out.flush();
			byte[] reply = new byte[16384];
			int read = socket.getInputStream().read(reply);
			return new String(reply, 0, Math.max(read, 0), StandardCharsets.UTF_8);
		}
	}

	private boolean answersPing() throws IOException {
		return command("PING").startsWith("+PONG");
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static String redisServerBinary() {
		return ExternalTools.locate("REDIS_SERVER", "redis-server",
				"No Docker engine and no redis-server on the PATH (set REDIS_SERVER or install redis-server)");
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress("127.0.0.1", 0));
			return socket.getLocalPort();
		}
	}

	private interface Backend {

		String host();

		int port();

		void start() throws IOException;

		void stop();

	}

	private static final class NotStarted implements Backend {

		@Override
		public String host() {
			throw new IllegalStateException("Redis is not started: register RedisTestServer with @RegisterExtension");
		}

		@Override
		public int port() {
			return host().length();
		}

		@Override
		public void start() {
		}

		@Override
		public void stop() {
		}

	}

	private static final class ContainerBackend implements Backend {

		private final RedisContainer container;

		ContainerBackend(RedisContainer container) {
			this.container = container;
		}

		@Override
		public String host() {
			return this.container.getHost();
		}

		@Override
		public int port() {
			return this.container.getFirstMappedPort();
		}

		@Override
		public void start() {
			this.container.getDockerClient().startContainerCmd(this.container.getContainerId()).exec();
		}

		@Override
		public void stop() {
			this.container.getDockerClient().stopContainerCmd(this.container.getContainerId()).exec();
		}

	}

	private static final class ProcessBackend implements Backend {

		private final String binary;

		private final int port;

		private final List<String> arguments;

		private Process process;

		ProcessBackend(String binary, int port, List<String> arguments) {
			this.binary = binary;
			this.port = port;
			this.arguments = arguments;
		}

		@Override
		public String host() {
			return "127.0.0.1";
		}

		@Override
		public int port() {
			return this.port;
		}

		@Override
		public void start() throws IOException {
			List<String> command = new ArrayList<>(List.of(this.binary, "--port", Integer.toString(this.port), "--bind",
					"127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"));
			command.addAll(this.arguments);
			this.process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
		}

		@Override
		public void stop() {
			if (this.process != null) {
				this.process.destroyForcibly();
				try {
					this.process.waitFor(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		}

	}

}
