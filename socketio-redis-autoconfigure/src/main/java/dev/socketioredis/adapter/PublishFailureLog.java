package dev.socketioredis.adapter;

import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a failing Redis publish once when publishing starts to fail and once when it works again, rather than once per
 * message while Redis is away.
 */
final class PublishFailureLog {

	private static final Logger logger = LoggerFactory.getLogger(PublishFailureLog.class);

	private final AtomicBoolean failing = new AtomicBoolean();

	private final String namespace;

	PublishFailureLog(String namespace) {
		this.namespace = namespace;
	}

	void published() {
		if (this.failing.compareAndSet(true, false)) {
			logger.info("Publishing to Redis works again for namespace {}", this.namespace);
		}
	}

	void failed(Throwable cause) {
		if (this.failing.compareAndSet(false, true)) {
			logger.warn("Cannot publish to Redis for namespace {}: broadcasts reach local clients only until it is back",
					this.namespace, cause);
		}
	}

}
