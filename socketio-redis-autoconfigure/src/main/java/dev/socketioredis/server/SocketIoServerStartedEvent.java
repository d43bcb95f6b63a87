package dev.socketioredis.server;

import org.springframework.context.ApplicationEvent;

/**
 * Published once the Socket.IO server listens, with the port it is bound to (the real one when configured as 0).
 */
public class SocketIoServerStartedEvent extends ApplicationEvent {

	private final int port;

	public SocketIoServerStartedEvent(SocketIoServerLifecycle source, int port) {
		super(source);
		this.port = port;
	}

	public int getPort() {
		return this.port;
	}

}
