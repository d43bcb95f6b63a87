package dev.socketioredis.sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.socketioredis.test.ExternalTools;
import dev.socketioredis.test.RedisTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat page in a real browser: a private Redis, two sample nodes in this JVM (random HTTP and Socket.IO ports),
 * and {@code src/test/browser/chat.test.mjs} run with {@code node --test}, which drives both pages in headless
 * Chromium ({@code /usr/bin/chromium}, or {@code $CHROMIUM}) and saves {@code target/browser/chat.png}. Without
 * Chromium, Node or npm the test is skipped, or fails under {@code CI=true}.
 */
class ChatBrowserIntegrationTests {

	private static final Path BROWSER_DIR = Path
		.of(System.getProperty("chat.browser.dir", "src/test/browser"))
		.toAbsolutePath();

	private static final Path SCREENSHOT_DIR = Path
		.of(System.getProperty("chat.screenshot.dir", "target/browser"))
		.toAbsolutePath();

	private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

	@RegisterExtension
	static final RedisTestServer redis = new RedisTestServer();

	@Test
	void twoPagesOnTwoNodesChatThroughRedis() throws Exception {
		ExternalTools.require(Files.isExecutable(CHROMIUM),
				CHROMIUM + " is missing: install Debian's chromium (apt-get install chromium)");
		ExternalTools.require(ExternalTools.onPath("node") != null && ExternalTools.onPath("npm") != null,
				"node and npm are needed on the PATH");
		try (ConfigurableApplicationContext nodeA = startNode("chat-a");
				ConfigurableApplicationContext nodeB = startNode("chat-b")) {
			if (needsInstall()) {
				Result install = run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), 300);
				assertThat(install.exitCode()).as("npm ci in %s:%n%s", BROWSER_DIR, install.output()).isZero();
			}
			Result test = run(List.of("node", "--test", "--test-reporter=tap", "chat.test.mjs"),
					Map.of("CHAT_URL_A", baseUrl(nodeA), "CHAT_URL_B", baseUrl(nodeB), "CHROMIUM",
							CHROMIUM.toString(), "CHAT_SCREENSHOT_DIR", SCREENSHOT_DIR.toString()),
					240);
			assertThat(test.exitCode()).as("node --test chat.test.mjs:%n%s", test.output()).isZero();
			assertThat(test.output()).contains("# fail 0");
			assertThat(SCREENSHOT_DIR.resolve("chat.png")).isNotEmptyFile();
		}
	}

	/** No {@code node_modules}, or one installed from an older {@code package-lock.json}. */
	private static boolean needsInstall() throws IOException {
		Path installed = BROWSER_DIR.resolve("node_modules/.package-lock.json");
		return !Files.isRegularFile(installed) || Files.getLastModifiedTime(installed)
			.compareTo(Files.getLastModifiedTime(BROWSER_DIR.resolve("package-lock.json"))) < 0;
	}

	private static ConfigurableApplicationContext startNode(String serverId) {
		// command-line arguments: above application.properties, whose PORT/HTTP_PORT defaults they replace
		return new SpringApplicationBuilder(SampleApplication.class).run("--socketio.server.port=0",
				"--socketio.server.host=127.0.0.1", "--server.port=0", "--server.address=127.0.0.1",
				"--spring.data.redis.host=" + redis.host(), "--spring.data.redis.port=" + redis.port(),
				"--sample.server-id=" + serverId);
	}

	private static String baseUrl(ConfigurableApplicationContext context) {
		Environment environment = context.getEnvironment();
		assertThat(environment.getProperty("local.socketio.server.port", Integer.class)).isPositive();
		return "http://127.0.0.1:" + environment.getRequiredProperty("local.server.port") + "/";
	}

	/** Runs a command in the browser test's directory, printing its output as it comes. */
	private static Result run(List<String> command, Map<String, String> env, long timeoutSeconds)
			throws IOException, InterruptedException {
		System.out.println("$ " + String.join(" ", command));
		ProcessBuilder builder = new ProcessBuilder(command).directory(BROWSER_DIR.toFile()).redirectErrorStream(true);
		builder.environment().putAll(env);
		Process process = builder.start();
		StringBuilder output = new StringBuilder();
		Thread reader = new Thread(() -> {
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = lines.readLine()) != null) {
					System.out.println(line);
					synchronized (output) {
						output.append(line).append('\n');
					}
				}
			}
			catch (IOException ex) {
				// the process is gone
			}
		}, "browser-test-output");
		reader.start();
		if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
		reader.join(10_000);
		synchronized (output) {
			return new Result(process.isAlive() ? -1 : process.exitValue(), output.toString());
		}
	}

	private record Result(int exitCode, String output) {
	}

}
