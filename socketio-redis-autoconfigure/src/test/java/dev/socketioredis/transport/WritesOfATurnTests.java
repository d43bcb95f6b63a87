package dev.socketioredis.transport;

import java.util.ArrayList;
import java.util.List;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link WritesOfATurn} on an embedded channel, whose event loop runs its tasks when told: a turn ends when the test
 * runs the pending tasks.
 */
class WritesOfATurnTests {

	private final EmbeddedChannel channel = new EmbeddedChannel(new ChannelInboundHandlerAdapter());

	private final ChannelHandlerContext ctx = this.channel.pipeline().firstContext();

	/** The promise of each write the writer was asked for, in order. */
	private final List<ChannelPromise> writes = new ArrayList<>();

	private final WritesOfATurn<String> writesOfATurn = new WritesOfATurn<>(
			(client, ctx, promise) -> this.writes.add(promise));

	/** Ends the last turn: the turns are the test thread's, as the embedded channel's loop runs on it. */
	@AfterEach
	void endTheTurn() {
		this.channel.runPendingTasks();
		this.channel.finishAndReleaseAll();
	}

	@Test
	void aClientsFirstWriteOfATurnGoesOutAtOnceTheOthersTogetherAtItsEnd() throws Exception {
		ChannelPromise first = this.channel.newPromise();
		ChannelPromise second = this.channel.newPromise();
		ChannelPromise third = this.channel.newPromise();
		this.writesOfATurn.write("client", this.ctx, first);
		assertThat(this.writes).containsExactly(first);
		this.writesOfATurn.write("client", this.ctx, second);
		this.writesOfATurn.write("client", this.ctx, third);
		assertThat(this.writes).hasSize(1);

		this.channel.runPendingTasks(); // the end of the turn
		assertThat(this.writes).hasSize(2);
		assertThat(second.isDone()).isFalse();
		this.writes.get(1).setSuccess();
		assertThat(second.isSuccess()).isTrue();
		assertThat(third.isSuccess()).isTrue();
	}

	@Test
	void theWritesWaitingForTheEndOfATurnFailAsTheirWriteDoes() throws Exception {
		ChannelPromise waiting = this.channel.newPromise();
		this.writesOfATurn.write("client", this.ctx, this.channel.newPromise());
		this.writesOfATurn.write("client", this.ctx, waiting);
		this.channel.runPendingTasks();
		IllegalStateException failure = new IllegalStateException("closed");
		this.writes.get(1).setFailure(failure);
		assertThat(waiting.cause()).isSameAs(failure);
	}

	@Test
	void aNewTurnWritesAtOnceAgainAndATurnWithOneWriteAddsNone() throws Exception {
		this.writesOfATurn.write("client", this.ctx, this.channel.newPromise());
		this.channel.runPendingTasks();
		assertThat(this.writes).hasSize(1);
		this.writesOfATurn.write("client", this.ctx, this.channel.newPromise());
		assertThat(this.writes).hasSize(2);
	}

}
