package dev.socketioredis.transport;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import com.corundumstudio.socketio.listener.DefaultExceptionListener;
import com.fasterxml.jackson.core.JacksonException;
import io.netty.channel.ChannelHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What clients do wrong: malformed packets, requests for unknown sessions, dropped connections, reading too slowly. netty-socketio logs
 * each at ERROR with a stack trace, so that any client could fill the logs. Here each is logged at DEBUG, counted by
 * reason, and summed up in at most one WARN line a minute. Exceptions of the application's own listeners (connect,
 * event, disconnect) are still logged at ERROR, as netty-socketio does.
 */
public class ClientFaults extends DefaultExceptionListener {

	/** Why a client's input or connection was refused: a bounded set, fit for a meter tag. */
	public enum Reason {

		/** A packet or frame that could not be read. */
		MALFORMED_PACKET("malformed-packet"),

		/** A request naming a session this node does not have, or not a session id at all. */
		UNKNOWN_SESSION("unknown-session"),

		/** A request Engine.IO does not define (method, transport). */
		BAD_REQUEST("bad-request"),

		/** The connection failed under the server (reset, broken pipe). */
		CONNECTION_ERROR("connection-error"),

		/** A client that reads too slowly: more than the allowed bytes waited to be written to it. */
		SLOW_CLIENT("slow-client");

		private final String tag;

		Reason(String tag) {
			this.tag = tag;
		}

		public String tag() {
			return this.tag;
		}

	}

	private static final Logger logger = LoggerFactory.getLogger(ClientFaults.class);

	private static final Duration SUMMARY_INTERVAL = Duration.ofMinutes(1);

	private final Map<Reason, LongAdder> totals = new EnumMap<>(Reason.class);

	private final Map<Reason, LongAdder> sinceSummary = new EnumMap<>(Reason.class);

	private final AtomicLong nextSummary = new AtomicLong();

	private final Clock clock;

	public ClientFaults() {
		this(Clock.systemUTC());
	}

	ClientFaults(Clock clock) {
		this.clock = clock;
		for (Reason reason : Reason.values()) {
			this.totals.put(reason, new LongAdder());
			this.sinceSummary.put(reason, new LongAdder());
		}
	}

	/** Every fault of this reason since start. */
	public long total(Reason reason) {
		return this.totals.get(reason).sum();
	}

	/** An exception while reading a client's input: the client's fault; its connection is closed. */
	@Override
	public boolean exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
		record(reasonOf(cause), ctx.channel().remoteAddress(), cause);
		ctx.close();
		return true;
	}

	/** Counts the fault, logs it at DEBUG, and sums the faults up at WARN once a minute at most. */
	public void record(Reason reason, Object client, Throwable cause) {
		this.totals.get(reason).increment();
		this.sinceSummary.get(reason).increment();
		logger.debug("Client fault ({}) from {}", reason.tag(), client, cause);
		long now = this.clock.millis();
		long due = this.nextSummary.get();
		if (now >= due && this.nextSummary.compareAndSet(due, now + SUMMARY_INTERVAL.toMillis())) {
			logger.warn("Client faults since the last summary: {} (each one is logged at DEBUG by {})", summary(),
					ClientFaults.class.getName());
		}
	}

	private String summary() {
		StringBuilder summary = new StringBuilder();
		this.sinceSummary.forEach((reason, count) -> {
			long faults = count.sumThenReset();
			if (faults > 0) {
				summary.append((summary.length() > 0) ? ", " : "").append(reason.tag()).append('=').append(faults);
			}
		});
		return summary.toString();
	}

	/** Jackson's exceptions are {@link IOException}s too, but say the input was wrong, not the connection. */
	private static Reason reasonOf(Throwable cause) {
		boolean connection = cause instanceof IOException && !(cause instanceof JacksonException);
		return connection ? Reason.CONNECTION_ERROR : Reason.MALFORMED_PACKET;
	}

}
