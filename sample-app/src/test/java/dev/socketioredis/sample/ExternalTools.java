package dev.socketioredis.sample;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/** Programs the integration tests run: a missing one fails the test under {@code CI=true} and skips it otherwise. */
final class ExternalTools {

	private ExternalTools() {
	}

	static void require(boolean present, String message) {
		if (!present && "true".equals(System.getenv("CI"))) {
			throw new IllegalStateException(message + " (CI=true: required)");
		}
		Assumptions.assumeTrue(present, message);
	}

	/** The executable of that name on the {@code PATH}, or {@code null}. */
	static Path onPath(String name) {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			Path candidate = Path.of(dir, name);
			if (Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		return null;
	}

}
