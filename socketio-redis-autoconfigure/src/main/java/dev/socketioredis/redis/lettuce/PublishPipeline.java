package dev.socketioredis.redis.lettuce;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.output.IntegerOutput;
import io.lettuce.core.protocol.AsyncCommand;
import io.lettuce.core.protocol.Command;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import io.lettuce.core.protocol.RedisCommand;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.FastThreadLocal;
import io.netty.util.internal.ThreadExecutorMap;

/**
 * Publishes on a Lettuce connection, those a Netty event loop makes in one turn written to Redis together: one
 * socket write for all of them, and at most one hand-off to the connection's event loop (none when it is this one), as
 * node-redis writes the commands of one tick of Node's event loop. netty-socketio runs a client's event handlers on its
 * event loops, so the broadcasts they make go this way; a publish from any other thread is written at once.
 *
 * <p>
 * The publishes of one thread keep their order. One made on an event loop waits for the rest of that loop's turn
 * (the reads and tasks under way), as a command issued on Node's event loop does. On a Redis Cluster the publishes of
 * a turn are still dispatched one by one, for Lettuce to route each without blocking.
 */
public final class PublishPipeline {

	private final CommandType command;

	private final Supplier<StatefulConnection<byte[], byte[]>> connection;

	/** The publishes of the current turn of each event loop: filled and written on that loop's thread only. */
	private final FastThreadLocal<List<RedisCommand<byte[], byte[], ?>>> turns = new FastThreadLocal<>() {

		@Override
		protected List<RedisCommand<byte[], byte[], ?>> initialValue() {
			return new ArrayList<>();
		}

	};

	/**
	 * @param command {@code PUBLISH} or {@code SPUBLISH}
	 * @param connection the connection to publish on, made on first use (it may throw when Redis cannot be reached)
	 */
	public PublishPipeline(CommandType command, Supplier<StatefulConnection<byte[], byte[]>> connection) {
		this.command = command;
		this.connection = connection;
	}

	/**
	 * Makes the connection now if it can, on the caller's thread. A first publish may be made on the event loop that
	 * reads from Redis (a node answering a request), where connecting would wait for that same loop: owners call this
	 * from the thread that subscribes.
	 */
	public void connect() {
		try {
			this.connection.get();
		}
		catch (RuntimeException ex) {
			// Redis is away: the first publish connects
		}
	}

	/**
	 * Publishes without blocking.
	 * @return completes with the number of receiving clients, or exceptionally when Redis did not take the message
	 */
	public CompletableFuture<Long> publish(byte[] channel, byte[] message) {
		AsyncCommand<byte[], byte[], Long> publish = new AsyncCommand<>(new Command<>(this.command,
				new IntegerOutput<>(ByteArrayCodec.INSTANCE),
				new CommandArgs<>(ByteArrayCodec.INSTANCE).addKey(channel).addValue(message)));
		EventExecutor loop = ThreadExecutorMap.currentExecutor(); // the Netty event loop of this thread, if any
		if (loop == null) {
			write(List.of(publish));
			return publish;
		}
		List<RedisCommand<byte[], byte[], ?>> turn = this.turns.get();
		turn.add(publish);
		if (turn.size() == 1) { // the turn's first: its task runs after the reads and tasks under way
			try {
				loop.execute(() -> write(drain(turn)));
			}
			catch (RejectedExecutionException ex) { // the loop is shutting down
				write(drain(turn));
			}
		}
		return publish;
	}

	private static List<RedisCommand<byte[], byte[], ?>> drain(List<RedisCommand<byte[], byte[], ?>> turn) {
		List<RedisCommand<byte[], byte[], ?>> commands = List.copyOf(turn);
		turn.clear();
		return commands;
	}

	private void write(List<RedisCommand<byte[], byte[], ?>> commands) {
		StatefulConnection<byte[], byte[]> connection;
		try {
			connection = this.connection.get();
		}
		catch (RuntimeException ex) { // no connection could be made
			fail(commands, ex);
			return;
		}
		if (connection instanceof StatefulRedisClusterConnection) {
			// Lettuce routes a batch with a blocking connect to each node (a deadlock on an event loop), and a single
			// command with an asynchronous one
			commands.forEach((command) -> dispatch(connection, List.of(command)));
		}
		else {
			dispatch(connection, commands);
		}
	}

	private static void dispatch(StatefulConnection<byte[], byte[]> connection,
			List<RedisCommand<byte[], byte[], ?>> commands) {
		try {
			if (commands.size() == 1) {
				connection.dispatch(commands.get(0));
			}
			else {
				connection.dispatch(commands);
			}
		}
		catch (RuntimeException ex) { // Lettuce refused them: disconnected, with commands rejected meanwhile
			fail(commands, ex);
		}
	}

	private static void fail(List<RedisCommand<byte[], byte[], ?>> commands, RuntimeException ex) {
		commands.forEach((command) -> command.completeExceptionally(ex));
	}

}
