package dev.socketioredis.server;

import java.net.BindException;

import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SocketIoServerStartFailureAnalyzer}: a server that could not bind its port is explained, with what to do.
 */
class SocketIoServerStartFailureAnalyzerTests {

	@Test
	void explainsAPortInUseAndSaysWhatToDo() {
		SocketIoServerStartException failure = new SocketIoServerStartException(
				"The Socket.IO server could not listen on port 9092", new BindException("Address already in use"));

		FailureAnalysis analysis = new SocketIoServerStartFailureAnalyzer()
			.analyze(new IllegalStateException("context refresh failed", failure));

		assertThat(analysis.getDescription()).isEqualTo("The Socket.IO server could not listen on port 9092");
		assertThat(analysis.getAction()).contains("socketio.server.port").contains("0 picks a free one");
		assertThat(analysis.getCause()).isSameAs(failure);
	}

	@Test
	void leavesOtherFailuresToOtherAnalyzers() {
		assertThat(new SocketIoServerStartFailureAnalyzer().analyze(new IllegalStateException("something else")))
			.isNull();
	}

}
