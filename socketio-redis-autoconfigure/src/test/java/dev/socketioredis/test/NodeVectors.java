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
 * exact bytes and decoded form of each; and those of Node's sharded adapter in each subscription mode
 * ({@code sharded-adapter-vectors.json}, made by {@code src/test/node/capture-sharded.js}).
 */
public final class NodeVectors {

	private static final List<JsonNode> VECTORS = load("/node-adapter-vectors.json");

	private static final List<JsonNode> SHARDED_VECTORS = load("/sharded-adapter-vectors.json");

	private NodeVectors() {
	}

	public static List<JsonNode> all() {
		return VECTORS;
	}

	/** The sharded adapter's messages: id, {@code mode}, channel, encoding, hex. */
	public static List<JsonNode> sharded() {
		return SHARDED_VECTORS;
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

	private static List<JsonNode> load(String resource) {
		try (InputStream in = NodeVectors.class.getResourceAsStream(resource)) {
			List<JsonNode> vectors = new ArrayList<>();
			new ObjectMapper().readTree(in).get("vectors").forEach(vectors::add);
			return List.copyOf(vectors);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
