package dev.socketioredis.transport;

import java.util.HashSet;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIONamespace;
import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.handler.ClientHead;
import com.corundumstudio.socketio.namespace.NamespacesHub;
import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.transport.NamespaceClient;
import io.netty.util.Timeout;
import io.netty.util.Timer;
import org.jspecify.annotations.Nullable;

/**
 * The long-polling side of {@code max-pending-write-bytes}. Packets for a long-polling client wait in its session's
 * queue until its next poll request takes them all; a client that stops polling, or polls too rarely for what it is
 * sent, would keep them in memory until its ping deadline. Every {@value #SWEEP_MILLIS} ms (on the server's timer: a
 * node's event loops), the queue of each long-polling session is measured: past the limit, the client is disconnected
 * and what was queued dropped, as a websocket client that stops reading is ({@link OutboundPacketHandler}).
 *
 * <p>
 * A broadcast's packet ({@link SharedPacket}) counts its encoded bytes; any other packet, not encoded until the poll,
 * counts {@value #UNENCODED_PACKET_BYTES} bytes.
 */
final class PollingBacklogs {

	static final long SWEEP_MILLIS = 1000;

	static final int UNENCODED_PACKET_BYTES = 256;

	private final NamespacesHub namespaces;

	private final long maxPendingWriteBytes;

	private final ClientFaults faults;

	private final Timer timer;

	private volatile boolean stopped;

	private volatile @Nullable Timeout nextSweep;

	PollingBacklogs(NamespacesHub namespaces, long maxPendingWriteBytes, ClientFaults faults, Timer timer) {
		this.namespaces = namespaces;
		this.maxPendingWriteBytes = maxPendingWriteBytes;
		this.faults = faults;
		this.timer = timer;
	}

	void start() {
		scheduleSweep();
	}

	private void scheduleSweep() {
		if (!this.stopped) {
			this.nextSweep = this.timer.newTimeout((due) -> {
				try {
					sweep();
				}
				finally {
					scheduleSweep();
				}
			}, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
		}
	}

	void stop() {
		this.stopped = true;
		Timeout next = this.nextSweep;
		if (next != null) {
			next.cancel();
		}
	}

	/** Sessions of no namespace are never written to, so the namespaces list every session worth measuring. */
	void sweep() {
		Set<UUID> measured = new HashSet<>();
		for (SocketIONamespace namespace : this.namespaces.getAllNamespaces()) {
			for (SocketIOClient socket : namespace.getAllClients()) {
				ClientHead session = ((NamespaceClient) socket).getBaseClient();
				if (session.getCurrentTransport() == Transport.POLLING && measured.add(session.getSessionId())
						&& exceedsLimit(session.getPacketsQueue(Transport.POLLING))) {
					disconnect(session);
				}
			}
		}
	}

	/** Stops counting at the limit: a queue is walked no further than the limit's worth of packets. */
	private boolean exceedsLimit(Queue<Packet> queue) {
		long bytes = 0;
		for (Packet packet : queue) {
			bytes += (packet instanceof SharedPacket shared) ? shared.size() : UNENCODED_PACKET_BYTES;
			if (bytes > this.maxPendingWriteBytes) {
				return true;
			}
		}
		return false;
	}

	private void disconnect(ClientHead session) {
		session.getPacketsQueue(Transport.POLLING).clear();
		this.faults.record(ClientFaults.Reason.SLOW_CLIENT, session.getSessionId(), null);
		EngineSessions.close(session);
	}

}
