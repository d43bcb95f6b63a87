package dev.socketioredis.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.concurrent.FastThreadLocal;

/**
 * A small direct buffer per event loop that the frames of one write to a client are copied into, written as a slice
 * of it. A write the socket takes at once, as most do, has released its slice before the loop's next write, which
 * reuses the buffer: the write allocates nothing, the socket reads memory the loop has just written, and Netty's leak
 * detector, which samples allocations and takes a stack trace for each one it tracks, has nothing to sample (the write's
 * buffer and the socket's first reading of it: 7.1 % of the servers' samples before, 1.1 % after, in profiles of the
 * benchmark's {@code many-rooms}). A write the socket could not take
 * keeps its slice, and the buffer with it, until it is written: the loop takes a new buffer, and the buffer is small so
 * that a stalled client holds little more than the bytes it has not read.
 */
final class FrameScratch {

	static final int CAPACITY = 2048;

	private static final FastThreadLocal<ByteBuf> BUFFER = new FastThreadLocal<>() {
		@Override
		protected void onRemoval(ByteBuf buffer) {
			buffer.release();
		}
	};

	private FrameScratch() {
	}

	/**
	 * @return an empty buffer of at least {@code size} writable bytes, for the caller to write and release
	 */
	static ByteBuf take(ByteBufAllocator allocator, int size) {
		if (size > CAPACITY) {
			return allocator.directBuffer(size);
		}
		ByteBuf buffer = BUFFER.getIfExists();
		if (buffer == null || buffer.refCnt() != 1) { // a slice of it is still to be written
			if (buffer != null) {
				buffer.release(); // the slice holds it until then
			}
			buffer = allocator.directBuffer(CAPACITY, CAPACITY);
			BUFFER.set(buffer);
		}
		return buffer.retainedSlice(0, CAPACITY).clear();
	}

}
