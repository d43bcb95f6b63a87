package dev.socketioredis.transport;

import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameEncoder;
import org.jspecify.annotations.Nullable;

/**
 * The websocket frames of one write to a client: the packets queued for it, each a text frame and its attachments
 * binary frames.
 */
abstract sealed class WebSocketFrames {

	static final int TEXT = 0x1;

	static final int BINARY = 0x2;

	/**
	 * The frames of a write to the client of this context: its frame encoder's own bytes, written past the other
	 * handlers, unless its frames are compressed (the compression encoder takes frames, in front of the frame
	 * encoder) or it has no RFC 6455 encoder (then it is not a websocket yet).
	 */
	static WebSocketFrames of(ChannelHandlerContext ctx, boolean compressed) {
		ChannelHandlerContext frameEncoder = compressed ? null : ctx.pipeline().context(WebSocket08FrameEncoder.class);
		return (frameEncoder != null) ? new OneBuffer(frameEncoder) : new NettyFrames(ctx.channel());
	}

	/** Adds the payload as one final frame of the opcode; the payload is this write's to release. */
	abstract void add(int opcode, ByteBuf payload);

	/** The bytes added and not written yet. */
	abstract long pendingBytes();

	/** Writes what was added, not flushed; {@code null} when nothing was. */
	abstract @Nullable ChannelFuture write();

	/** Releases what was added and not written. */
	abstract void discard();

	/** Flushes what was written, from where it was written. */
	abstract void flush();

	/**
	 * Every frame of the write in one buffer, written where the frame encoder writes: written from the tail of a
	 * netty-socketio channel, each frame crossed its encoder, its transport handlers, its HTTP handlers and the frame
	 * encoder, and was a buffer and an entry of the socket's write of its own (12 % of the servers' samples in a
	 * profile of the benchmark's {@code fanout}). A server's frames are never masked: their bytes are the opcode, the payload length and
	 * the payload, as RFC 6455 section 5.2 lays them out.
	 */
	static final class OneBuffer extends WebSocketFrames {

		private static final int FINAL_FRAGMENT = 0x80;

		private static final int MAX_ONE_BYTE_LENGTH = 125;

		private static final int TWO_BYTE_LENGTH = 126;

		private static final int EIGHT_BYTE_LENGTH = 127;

		private static final int MAX_HEADER_LENGTH = 10;

		private final ChannelHandlerContext frameEncoder;

		private final List<Frame> frames = new ArrayList<>(1);

		private long pendingBytes;

		OneBuffer(ChannelHandlerContext frameEncoder) {
			this.frameEncoder = frameEncoder;
		}

		@Override
		void add(int opcode, ByteBuf payload) {
			this.frames.add(new Frame(opcode, payload));
			this.pendingBytes += MAX_HEADER_LENGTH + payload.readableBytes();
		}

		@Override
		long pendingBytes() {
			return this.pendingBytes;
		}

		@Override
		@Nullable ChannelFuture write() {
			if (this.frames.isEmpty()) {
				return null;
			}
			ByteBuf bytes = FrameScratch.take(this.frameEncoder.alloc(), (int) Math.min(Integer.MAX_VALUE, this.pendingBytes));
			this.frames.forEach((frame) -> writeFrame(bytes, frame.opcode(), frame.payload()));
			discard();
			return this.frameEncoder.write(bytes);
		}

		/**
		 * From the frame encoder, as the frames were written: from the tail of the pipeline, a flush crossed every
		 * handler in front of it (3.9 % of the servers' samples in a profile of the benchmark's {@code many-rooms}).
		 */
		@Override
		void flush() {
			this.frameEncoder.flush();
		}

		@Override
		void discard() {
			this.frames.forEach((frame) -> frame.payload().release());
			this.frames.clear();
			this.pendingBytes = 0;
		}

		private static void writeFrame(ByteBuf frames, int opcode, ByteBuf payload) {
			int length = payload.readableBytes();
			frames.writeByte(FINAL_FRAGMENT | opcode);
			if (length <= MAX_ONE_BYTE_LENGTH) {
				frames.writeByte(length);
			}
			else if (length <= 0xFFFF) {
				frames.writeByte(TWO_BYTE_LENGTH).writeShort(length);
			}
			else {
				frames.writeByte(EIGHT_BYTE_LENGTH).writeLong(length);
			}
			frames.writeBytes(payload, payload.readerIndex(), length);
		}

		private record Frame(int opcode, ByteBuf payload) {
		}

	}

	/** Netty's frames, written through the channel's pipeline one by one as they are added. */
	static final class NettyFrames extends WebSocketFrames {

		private final Channel channel;

		private @Nullable ChannelFuture last;

		NettyFrames(Channel channel) {
			this.channel = channel;
		}

		@Override
		void add(int opcode, ByteBuf payload) {
			this.last = this.channel
				.write((opcode == TEXT) ? new TextWebSocketFrame(payload) : new BinaryWebSocketFrame(payload));
		}

		@Override
		long pendingBytes() {
			return 0; // written at once: the channel counts them
		}

		@Override
		@Nullable ChannelFuture write() {
			return this.last;
		}

		@Override
		void discard() {
		}

		@Override
		void flush() {
			this.channel.flush();
		}

	}

}
