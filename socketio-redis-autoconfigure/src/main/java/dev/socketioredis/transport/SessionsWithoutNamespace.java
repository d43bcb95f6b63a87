package dev.socketioredis.transport;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.corundumstudio.socketio.handler.ClientHead;
import com.corundumstudio.socketio.scheduler.CancelableScheduler;

/**
 * Engine.IO sessions that are a socket of no namespace: a handshake not followed by a CONNECT (a probe, a client that
 * stopped after OPEN), or a session whose sockets were all disconnected while the connection stays open. They are
 * never listed, counted or written to, since no namespace has them. Socket.IO 4 closes a connection that joins no
 * namespace within its connect timeout (45 s); here a session closes when it has had no namespace for its ping
 * deadline (ping interval + ping timeout, 45 s by default), and is then forgotten.
 */
final class SessionsWithoutNamespace {

	/** One token per watched session: a deadline whose token was replaced or removed is stale. */
	private final Map<UUID, Object> deadlines = new ConcurrentHashMap<>();

	private final CancelableScheduler scheduler;

	private final long deadlineMillis;

	private final Consumer<ClientHead> release;

	SessionsWithoutNamespace(CancelableScheduler scheduler, long deadlineMillis, Consumer<ClientHead> release) {
		this.scheduler = scheduler;
		this.deadlineMillis = deadlineMillis;
		this.release = release;
	}

	/** Starts the deadline of a session that has no namespace, unless it runs already. */
	void watch(ClientHead client) {
		if (!client.getNamespaces().isEmpty()) {
			return;
		}
		Object token = new Object();
		if (this.deadlines.putIfAbsent(client.getSessionId(), token) == null) {
			this.scheduler.schedule(() -> expire(client, token), this.deadlineMillis, TimeUnit.MILLISECONDS);
		}
	}

	/** The session joined a namespace, or is gone: its deadline, if any, no longer applies. */
	void forget(ClientHead client) {
		this.deadlines.remove(client.getSessionId());
	}

	/** The client closed its connection: a session of no namespace is forgotten now. */
	void closed(ClientHead client) {
		if (this.deadlines.remove(client.getSessionId()) != null) {
			this.release.accept(client);
		}
	}

	private void expire(ClientHead client, Object token) {
		if (this.deadlines.remove(client.getSessionId(), token) && client.getNamespaces().isEmpty()) {
			EngineSessions.close(client);
			this.release.accept(client);
		}
	}

}
