package dev.socketioredis.server;

/**
 * The Socket.IO server could not start, typically because its port is taken.
 */
public class SocketIoServerStartException extends RuntimeException {

	public SocketIoServerStartException(String message, Throwable cause) {
		super(message, cause);
	}

}
