package dev.socketioredis.server;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a Socket.IO server that could not start in Spring Boot's start-up failure report.
 */
class SocketIoServerStartFailureAnalyzer extends AbstractFailureAnalyzer<SocketIoServerStartException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, SocketIoServerStartException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Stop the process that listens on that port, or set 'socketio.server.port' to another port "
						+ "(0 picks a free one).",
				cause);
	}

}
