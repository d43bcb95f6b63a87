package dev.socketioredis.adapter;

import java.security.SecureRandom;

/**
 * Node's {@code uid2(6)}: six characters from {@code [A-Za-z0-9_-]}, drawn anew for every namespace adapter. It tells
 * a node its own messages apart; {@code "emitter"} can never be drawn.
 */
final class AdapterUid {

	private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
		.toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private AdapterUid() {
	}

	static String generate() {
		char[] uid = new char[6];
		for (int i = 0; i < uid.length; i++) {
			uid[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
		}
		return new String(uid);
	}

}
