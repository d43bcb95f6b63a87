package dev.socketioredis.pubsub;

import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a failing Redis operation once when it starts to fail and once when it works again, rather than once per
 * attempt while Redis is away.
 */
final class RedisFailureLog {

	private static final Logger logger = LoggerFactory.getLogger(RedisFailureLog.class);

	private final AtomicBoolean failing = new AtomicBoolean();

	private final String failingMessage;

	private final String recoveredMessage;

	private RedisFailureLog(String failingMessage, String recoveredMessage) {
		this.failingMessage = failingMessage;
		this.recoveredMessage = recoveredMessage;
	}

	static RedisFailureLog publishing(String namespace) {
		return new RedisFailureLog("Cannot publish to Redis for namespace " + namespace
				+ ": broadcasts reach local clients only until it is back",
				"Publishing to Redis works again for namespace " + namespace);
	}

	static RedisFailureLog roomSubscriptions(String namespace) {
		return new RedisFailureLog("Cannot change the room channel subscriptions in Redis for namespace " + namespace
				+ ": rooms first joined from now on receive the broadcasts of other nodes once it is back",
				"Room channel subscriptions work again for namespace " + namespace);
	}

	void succeeded() {
		if (this.failing.compareAndSet(true, false)) {
			logger.info(this.recoveredMessage);
		}
	}

	void failed(Throwable cause) {
		if (this.failing.compareAndSet(false, true)) {
			logger.warn(this.failingMessage, cause);
		}
	}

}
