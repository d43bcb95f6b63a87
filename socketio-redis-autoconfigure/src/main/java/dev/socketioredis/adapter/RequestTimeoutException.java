package dev.socketioredis.adapter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A cluster request that did not get every expected answer within its timeout ({@code socketio.redis.requests-timeout},
 * or the timeout of a broadcast with acknowledgements). Carries what did arrive.
 */
public class RequestTimeoutException extends RuntimeException {

	private final List<@Nullable Object> partial;

	public RequestTimeoutException(String message, List<@Nullable Object> partial) {
		super(message);
		this.partial = Collections.unmodifiableList(new ArrayList<>(partial));
	}

	/** The answers that arrived before the timeout. */
	public List<@Nullable Object> partial() {
		return this.partial;
	}

}
