package dev.socketioredis.protocol;

/**
 * Bytes received from Redis that are not a message of the expected kind. Receivers log, count and drop them.
 */
public class MalformedMessageException extends Exception {

	public MalformedMessageException(String message) {
		super(message);
	}

	public MalformedMessageException(String message, Throwable cause) {
		super(message, cause);
	}

}
