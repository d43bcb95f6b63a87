package dev.socketioredis.transport;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.FastThreadLocal;
import io.netty.util.concurrent.PromiseNotifier;

/**
 * The websocket writes an event loop makes in one turn: a client's first one goes out at once, the later ones wait
 * in its packet queue and go out together, in one system call, at the end of the turn. A node's event loop reads
 * many broadcasts from Redis at once, and in a room every member is sent each of them: writing every packet at once
 * cost a {@code write} call per packet (about half a node's CPU in the benchmark's {@code fanout}). A client sent one
 * packet in a turn gets it without waiting for the turn to end. The end of the turn is a task of the loop, queued by
 * the loop itself: it wakes no thread.
 */
final class WritesOfATurn<C> {

	/** A channel written to in the current turn, with the writes that wait for its end. */
	private static final AttributeKey<Waiting<?>> WRITTEN = AttributeKey.valueOf("socketioRedisWritesOfATurn");

	/** The channels each event loop wrote to in its current turn, filled on that loop only. */
	private static final FastThreadLocal<List<Channel>> TURNS = new FastThreadLocal<>() {

		@Override
		protected List<Channel> initialValue() {
			return new ArrayList<>();
		}

	};

	private final Writer<C> writer;

	/**
	 * @param writer writes and flushes every packet queued for a client
	 */
	WritesOfATurn(Writer<C> writer) {
		this.writer = writer;
	}

	/** Writes the client's queued packets now if it is the channel's first write of the turn, else at its end. */
	void write(C client, ChannelHandlerContext ctx, ChannelPromise promise) throws IOException {
		Channel channel = ctx.channel();
		Waiting<?> waiting = channel.attr(WRITTEN).get();
		if (waiting != null) {
			waiting.promises.add(promise);
			return;
		}
		channel.attr(WRITTEN).set(new Waiting<>(client, ctx));
		List<Channel> turn = TURNS.get();
		turn.add(channel);
		if (turn.size() == 1) {
			try {
				channel.eventLoop().execute(() -> endTurn(turn));
			}
			catch (RejectedExecutionException ex) { // the loop is shutting down: no turn to wait for
				turn.clear();
				channel.attr(WRITTEN).set(null);
			}
		}
		this.writer.write(client, ctx, promise);
	}

	private void endTurn(List<Channel> turn) {
		List<Channel> channels = List.copyOf(turn);
		turn.clear();
		for (Channel channel : channels) {
			@SuppressWarnings("unchecked") // only this class sets the attribute, with its own C
			Waiting<C> waiting = (Waiting<C>) channel.attr(WRITTEN).getAndSet(null);
			if (waiting != null && !waiting.promises.isEmpty()) {
				ChannelPromise written = waiting.ctx.newPromise();
				written.addListener(new PromiseNotifier<Void, ChannelFuture>(false,
						waiting.promises.toArray(ChannelPromise[]::new)));
				try {
					this.writer.write(waiting.client, waiting.ctx, written);
				}
				catch (IOException | RuntimeException ex) { // a packet that cannot be encoded, as in a write
					written.tryFailure(ex);
				}
			}
		}
	}

	/** Writes and flushes every packet queued for a websocket client. */
	@FunctionalInterface
	interface Writer<C> {

		void write(C client, ChannelHandlerContext ctx, ChannelPromise promise) throws IOException;

	}

	private static final class Waiting<C> {

		private final C client;

		private final ChannelHandlerContext ctx;

		private final List<ChannelPromise> promises = new ArrayList<>();

		Waiting(C client, ChannelHandlerContext ctx) {
			this.client = client;
			this.ctx = ctx;
		}

	}

}
