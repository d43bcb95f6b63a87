package dev.socketioredis.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes msgpack values into a growing array, each in the form msgpack-core's packer gives it (its smallest one, and
 * unsigned forms for positive integers), so that its bytes are the bytes of {@link MsgpackMapper}'s mapper. Not
 * thread-safe: one per message.
 */
final class MsgpackWriter {

	/** Room left after a large value for what follows it in a message, so that the array grows once for it. */
	private static final int ROOM_AFTER_GROWING = 256;

	private byte[] buffer;

	private int size;

	MsgpackWriter(int initialCapacity) {
		this.buffer = new byte[initialCapacity];
	}

	void arrayHeader(int length) {
		header(length, 0x90, 16, 0xdc, 0xdd);
	}

	void mapHeader(int entries) {
		header(entries, 0x80, 16, 0xde, 0xdf);
	}

	void string(String text) {
		byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
		if (utf8.length < 32) {
			ensure(1);
			this.buffer[this.size++] = (byte) (0xa0 | utf8.length);
		}
		else {
			lengthHeader(utf8.length, 0xd9, 0xda, 0xdb);
		}
		bytes(utf8);
	}

	void binary(byte[] data) {
		lengthHeader(data.length, 0xc4, 0xc5, 0xc6);
		bytes(data);
	}

	void integer(long value) {
		if (value < -(1L << 5)) {
			if (value < -(1L << 15)) {
				if (value < -(1L << 31)) {
					typed(0xd3, value, 8);
				}
				else {
					typed(0xd2, value, 4);
				}
			}
			else if (value < -(1L << 7)) {
				typed(0xd1, value, 2);
			}
			else {
				typed(0xd0, value, 1);
			}
		}
		else if (value < (1L << 7)) {
			ensure(1);
			this.buffer[this.size++] = (byte) value;
		}
		else if (value < (1L << 8)) {
			typed(0xcc, value, 1);
		}
		else if (value < (1L << 16)) {
			typed(0xcd, value, 2);
		}
		else if (value < (1L << 32)) {
			typed(0xce, value, 4);
		}
		else {
			typed(0xcf, value, 8);
		}
	}

	void float64(double value) {
		typed(0xcb, Double.doubleToRawLongBits(value), 8);
	}

	void bool(boolean value) {
		ensure(1);
		this.buffer[this.size++] = (byte) (value ? 0xc3 : 0xc2);
	}

	void nil() {
		ensure(1);
		this.buffer[this.size++] = (byte) 0xc0;
	}

	byte[] toByteArray() {
		return Arrays.copyOf(this.buffer, this.size);
	}

	/** An array's or a map's header: the length in the type byte below {@code fixLimit}, then 16 or 32 bits. */
	private void header(int length, int fixType, int fixLimit, int type16, int type32) {
		if (length < fixLimit) {
			ensure(1);
			this.buffer[this.size++] = (byte) (fixType | length);
		}
		else if (length < (1 << 16)) {
			typed(type16, length, 2);
		}
		else {
			typed(type32, length, 4);
		}
	}

	/** A string's or a binary's header: its length in 8, 16 or 32 bits. */
	private void lengthHeader(int length, int type8, int type16, int type32) {
		if (length < (1 << 8)) {
			typed(type8, length, 1);
		}
		else if (length < (1 << 16)) {
			typed(type16, length, 2);
		}
		else {
			typed(type32, length, 4);
		}
	}

	/** A type byte followed by the low {@code width} bytes of {@code value}, big-endian. */
	private void typed(int type, long value, int width) {
		ensure(1 + width);
		this.buffer[this.size++] = (byte) type;
		for (int shift = 8 * (width - 1); shift >= 0; shift -= 8) {
			this.buffer[this.size++] = (byte) (value >>> shift);
		}
	}

	private void bytes(byte[] data) {
		ensure(data.length);
		System.arraycopy(data, 0, this.buffer, this.size, data.length);
		this.size += data.length;
	}

	private void ensure(int more) {
		if (this.size + more > this.buffer.length) {
			this.buffer = Arrays.copyOf(this.buffer,
					Math.max(this.buffer.length * 2, this.size + more + ROOM_AFTER_GROWING));
		}
	}

}
