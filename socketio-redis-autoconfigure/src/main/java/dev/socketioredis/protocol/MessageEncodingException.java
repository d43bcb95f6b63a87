package dev.socketioredis.protocol;

/**
 * An argument that cannot be written as msgpack, thrown at the call site of the emit that passed it.
 */
public class MessageEncodingException extends IllegalArgumentException {

	public MessageEncodingException(String message, Throwable cause) {
		super(message, cause);
	}

}
