package dev.socketioredis.transport;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.handler.ClientHead;
import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketType;
import io.netty.channel.Channel;
import org.jspecify.annotations.Nullable;

/**
 * Answers the polls of a session upgrading to websocket with a NOOP every 100 ms, as Node's engine.io does while it
 * waits for the upgrade packet. A client sends that packet once its long-polling transport is paused, which waits for
 * the poll in flight; the NOOP sent when the probe arrived ends the poll pending then, but a client may poll again
 * before it reads the probe's answer, and that poll would wait for the next ping (25 s by default), past the upgrade
 * timeout (10 s), which then disconnects the client. Stops once the session has upgraded, or its websocket or the
 * session itself is gone.
 */
final class UpgradingPolls implements Runnable {

	private static final long INTERVAL_MILLIS = 100;

	private final ClientHead session;

	private final Channel websocket;

	private volatile @Nullable ScheduledFuture<?> schedule;

	private UpgradingPolls(ClientHead session, Channel websocket) {
		this.session = session;
		this.websocket = websocket;
	}

	/** Starts answering, on the websocket's event loop, once the session's websocket has answered the probe. */
	static void answer(ClientHead session, Channel websocket) {
		UpgradingPolls polls = new UpgradingPolls(session, websocket);
		polls.schedule = websocket.eventLoop()
			.scheduleAtFixedRate(polls, INTERVAL_MILLIS, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
	}

	@Override
	public void run() {
		if (this.session.getCurrentTransport() == Transport.WEBSOCKET || !this.websocket.isActive()
				|| !this.session.isConnected()) {
			ScheduledFuture<?> schedule = this.schedule;
			if (schedule != null) {
				schedule.cancel(false);
			}
		}
		else if (this.session.getPacketsQueue(Transport.POLLING).isEmpty()) {
			this.session.send(new Packet(PacketType.NOOP, this.session.getEngineIOVersion()), Transport.POLLING);
		}
	}

}
