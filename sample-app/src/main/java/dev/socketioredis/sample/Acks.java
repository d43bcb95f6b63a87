package dev.socketioredis.sample;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.corundumstudio.socketio.AckRequest;
import dev.socketioredis.adapter.RequestTimeoutException;

/**
 * Acknowledges a client's event with the outcome of a cluster operation, once it completes, on whichever thread
 * completes it, as Socket.IO allows (the starter's {@code socketio.server.ack-mode} is {@code manual} by default:
 * netty-socketio's own default acknowledges with no arguments as soon as the listener returns).
 */
final class Acks {

	private Acks() {
	}

	/**
	 * Sends the future's value as the only argument of the ack, or {@code {error}} ({@code {error, partial}} for a
	 * cluster request that timed out) when it fails: the client always gets an ack.
	 */
	static void reply(AckRequest ack, CompletableFuture<?> outcome) {
		outcome.whenComplete((value, failure) -> {
			if (ack.isAckRequested()) {
				// one argument, even when the value is a list: sendAckData(List) would spread it
				ack.sendAckData(new Object[] { (failure != null) ? error(failure) : value });
			}
		});
	}

	static Map<String, Object> error(Throwable failure) {
		Throwable cause = (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause()
				: failure;
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("error", (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName());
		if (cause instanceof RequestTimeoutException timeout) {
			error.put("partial", timeout.partial());
		}
		return error;
	}

}
