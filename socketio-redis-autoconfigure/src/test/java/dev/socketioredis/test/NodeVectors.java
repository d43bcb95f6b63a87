package dev.socketioredis.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The messages captured from Node servers and emitters on a real Redis ({@code node-adapter-vectors.json}): channel,
 * exact bytes and decoded form of each.
 */
public final class NodeVectors {

	private static final List<JsonNode> VECTORS = load();

	private NodeVectors() {
	}

	public static List<JsonNode> all() {
		return VECTORS;
	}

	public static JsonNode byId(String id) {
		return VECTORS.stream()
			.filter((vector) -> vector.get("id").asText().equals(id))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No vector " + id));
	}

	public static String hex(String id) {
		return byId(id).get("hex").asText();
	}

	private static List<JsonNode> load() {
		try (InputStream in = NodeVectors.class.getResourceAsStream("/node-adapter-vectors.json")) {
			List<JsonNode> vectors = new ArrayList<>();
			new ObjectMapper().readTree(in).get("vectors").forEach(vectors::add);
			return List.copyOf(vectors);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
