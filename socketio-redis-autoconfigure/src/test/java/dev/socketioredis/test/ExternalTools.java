package dev.socketioredis.test;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;

/**
 * Programs the integration tests run (redis-server, node, chromium...): a missing one fails the test under
 * {@code CI=true}, where it must be installed, and skips it otherwise.
 */
public final class ExternalTools {

	private ExternalTools() {
	}

	/** Fails under {@code CI=true}, else aborts the test, unless {@code present}. */
	public static void require(boolean present, String message) {
		if (!present && "true".equals(System.getenv("CI"))) {
			throw new IllegalStateException(message + " (CI=true: required)");
		}
		Assumptions.assumeTrue(present, message);
	}

	/**
	 * The program named by an environment variable, else found on the {@code PATH}; {@link #require required}.
	 * @param variable e.g. {@code REDIS_SERVER}
	 * @param missing what to say when it is nowhere
	 */
	public static String locate(String variable, String name, String missing) {
		String configured = System.getenv(variable);
		if (configured != null && !configured.isBlank()) {
			return configured;
		}
		Path found = onPath(name);
		require(found != null, missing);
		return found.toString();
	}

	/** The executable of that name on the {@code PATH}, or {@code null}. */
	public static @Nullable Path onPath(String name) {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			Path candidate = Path.of(dir, name);
			if (Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		return null;
	}

}
