package dev.socketioredis.server;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringAdaptiveBufferRingAllocator;
import io.netty.channel.uring.IoUringBufferRingConfig;
import io.netty.channel.uring.IoUringChannelOption;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringIoHandlerConfig;

/**
 * A ring of receive buffers per io_uring event loop, which its connections read into. Without one, Netty's io_uring
 * channels wait for a socket to be readable, then ask for the read: two trips to the kernel per message that arrives
 * when the loop is idle, as most do at a steady rate. With one, a connection's read is armed once (a multishot
 * receive) and the kernel picks a buffer of the ring when data arrives: one completion, no request to make again.
 * The buffers are the loop's, not each connection's, so idle connections hold none.
 *
 * <p>
 * Only loaded on io_uring's loops; a kernel without buffer rings (before Linux 5.19) reads as before.
 */
final class IoUringReceiveBuffers {

	private static final short GROUP = 0;

	/** Buffers in the ring: a turn's reads, each of 1 to 64 KiB as Netty's adaptive allocator sizes them. */
	private static final short RING_SIZE = 256;

	/** How many buffers are added at a time while the ring fills. */
	private static final int BATCH = 16;

	private IoUringReceiveBuffers() {
	}

	static IoHandlerFactory ioHandlerFactory() {
		if (!IoUring.isRegisterBufferRingSupported()) {
			return IoUringIoHandler.newFactory();
		}
		IoUringBufferRingConfig ring = IoUringBufferRingConfig.builder()
			.bufferGroupId(GROUP)
			.bufferRingSize(RING_SIZE)
			.batchSize(BATCH)
			.allocator(new IoUringAdaptiveBufferRingAllocator())
			.build();
		return IoUringIoHandler.newFactory(new IoUringIoHandlerConfig().setBufferRingConfig(ring));
	}

	static void useFor(ServerBootstrap clients) {
		if (IoUring.isRegisterBufferRingSupported()) {
			clients.childOption(IoUringChannelOption.IO_URING_BUFFER_GROUP_ID, GROUP);
		}
	}

	static void useFor(Bootstrap connection) {
		if (IoUring.isRegisterBufferRingSupported()) {
			connection.option(IoUringChannelOption.IO_URING_BUFFER_GROUP_ID, GROUP);
		}
	}

}
