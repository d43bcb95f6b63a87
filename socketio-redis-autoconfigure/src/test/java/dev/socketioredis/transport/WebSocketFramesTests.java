package dev.socketioredis.transport;

import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.WrappedByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameEncoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link WebSocketFrames} on an embedded channel whose pipeline is Netty's RFC 6455 encoder of server frames followed
 * by a handler that fails any write reaching it: the frames must be the bytes Netty's encoder writes, and must not go
 * through the handlers after it.
 */
class WebSocketFramesTests {

	private final EmbeddedChannel channel = new EmbeddedChannel(new WebSocket13FrameEncoder(false),
			new RefusesWrites());

	private final ChannelHandlerContext tail = this.channel.pipeline().lastContext();

	@AfterEach
	void close() {
		this.channel.finishAndReleaseAll();
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, 125, 126, 127, 65535, 65536, 70000 })
	void aFrameIsTheBytesNettysEncoderWrites(int length) {
		byte[] payload = payload(length);
		WebSocketFrames frames = WebSocketFrames.of(this.tail, false);
		frames.add(WebSocketFrames.TEXT, Unpooled.wrappedBuffer(payload));
		frames.add(WebSocketFrames.BINARY, Unpooled.wrappedBuffer(payload));

		assertThat(written(frames)).isEqualTo(concat(encodedByNetty(new TextWebSocketFrame(Unpooled.wrappedBuffer(payload))),
				encodedByNetty(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(payload)))));
	}

	@Test
	void theFramesOfAWriteGoOutInOneBufferAndTheirPayloadsAreReleased() {
		ByteBuf first = Unpooled.copiedBuffer(new byte[] { '4', '2' });
		ByteBuf second = Unpooled.copiedBuffer(new byte[] { '4', '3' });
		WebSocketFrames frames = WebSocketFrames.of(this.tail, false);
		frames.add(WebSocketFrames.TEXT, first);
		frames.add(WebSocketFrames.TEXT, second);
		assertThat(frames.pendingBytes()).isGreaterThanOrEqualTo(8);

		ChannelFuture write = frames.write();
		frames.flush();

		assertThat(write).isNotNull();
		assertThat(write.isSuccess()).isTrue();
		assertThat(first.refCnt()).isZero();
		assertThat(second.refCnt()).isZero();
		ByteBuf bytes = this.channel.readOutbound();
		assertThat(ByteBufUtil.getBytes(bytes)).containsExactly(0x81, 2, '4', '2', 0x81, 2, '4', '3');
		bytes.release();
		assertThat((Object) this.channel.readOutbound()).isNull();
		assertThat(frames.pendingBytes()).isZero();
	}

	@Test
	void aWriteTheSocketTookLeavesItsBytesToTheNextAndOnesItHasNotAreFollowedInTheSameBuffer() {
		ByteBuf taken = writeAndRead((byte) '1');
		ByteBuf scratch = scratchOf(taken);
		taken.release();

		ByteBuf startingOver = writeAndRead((byte) '2');
		ByteBuf following = writeAndRead((byte) '3');

		assertThat(scratchOf(startingOver)).isSameAs(scratch);
		assertThat(scratchOf(following)).isSameAs(scratch);
		assertThat(ByteBufUtil.getBytes(startingOver)).containsExactly(0x81, 2, '4', '2');
		assertThat(ByteBufUtil.getBytes(following)).containsExactly(0x81, 2, '4', '3');
		startingOver.release();
		following.release();
	}

	@Test
	void aWriteThatNoLongerFitsBesideTheOnesStillToBeWrittenGetsANewBuffer() {
		ByteBuf first = writeAndRead((byte) '1');
		List<ByteBuf> pending = new ArrayList<>(List.of(first));
		while (scratchOf(pending.get(pending.size() - 1)) == scratchOf(first)) {
			pending.add(writeAndRead((byte) '2'));
		}

		assertThat(pending).hasSizeGreaterThan(FrameScratch.CAPACITY / 16);
		assertThat(ByteBufUtil.getBytes(first)).containsExactly(0x81, 2, '4', '1');
		pending.forEach(ByteBuf::release);
	}

	@Test
	void aWriteLargerThanTheScratchBufferGetsABufferOfItsOwn() {
		byte[] payload = payload(FrameScratch.CAPACITY);
		WebSocketFrames frames = WebSocketFrames.of(this.tail, false);
		frames.add(WebSocketFrames.TEXT, Unpooled.wrappedBuffer(payload));

		assertThat(written(frames)).isEqualTo(encodedByNetty(new TextWebSocketFrame(Unpooled.wrappedBuffer(payload))));
	}

	/** Writes the text frame {@code 4<digit>} and returns what the socket would write, not yet released. */
	private ByteBuf writeAndRead(byte digit) {
		WebSocketFrames frames = WebSocketFrames.of(this.tail, false);
		frames.add(WebSocketFrames.TEXT, Unpooled.wrappedBuffer(new byte[] { '4', digit }));
		frames.write();
		frames.flush();
		return this.channel.readOutbound();
	}

	@Test
	void aWriteWithoutFramesWritesNothing() {
		assertThat(WebSocketFrames.of(this.tail, false).write()).isNull();
	}

	@Test
	void discardedFramesAreReleasedAndNotWritten() {
		ByteBuf payload = Unpooled.copiedBuffer(new byte[] { '4', '2' });
		WebSocketFrames frames = WebSocketFrames.of(this.tail, false);
		frames.add(WebSocketFrames.TEXT, payload);

		frames.discard();

		assertThat(payload.refCnt()).isZero();
		assertThat(frames.write()).isNull();
	}

	@Test
	void compressedFramesAreNettysFramesThroughThePipeline() {
		EmbeddedChannel compressing = new EmbeddedChannel(new WebSocket13FrameEncoder(false));
		WebSocketFrames frames = WebSocketFrames.of(compressing.pipeline().lastContext(), true);
		frames.add(WebSocketFrames.TEXT, Unpooled.copiedBuffer(new byte[] { '4', '2' }));
		frames.flush();

		ByteBuf frame = compressing.readOutbound();
		assertThat(ByteBufUtil.getBytes(frame)).containsExactly(0x81, 2, '4', '2');
		frame.release();
		assertThat(frames.pendingBytes()).isZero();
		compressing.finishAndReleaseAll();
	}

	@Test
	void aChannelThatIsNotAWebSocketYetGetsNettysFrames() {
		EmbeddedChannel http = new EmbeddedChannel(new ChannelOutboundHandlerAdapter());
		WebSocketFrames frames = WebSocketFrames.of(http.pipeline().lastContext(), false);
		frames.add(WebSocketFrames.TEXT, Unpooled.copiedBuffer(new byte[] { '4', '2' }));
		frames.flush();

		TextWebSocketFrame frame = http.readOutbound();
		assertThat(frame.text()).isEqualTo("42");
		frame.release();
		http.finishAndReleaseAll();
	}

	private byte[] written(WebSocketFrames frames) {
		frames.write();
		frames.flush();
		ByteBuf bytes = this.channel.readOutbound();
		try {
			return ByteBufUtil.getBytes(bytes);
		}
		finally {
			bytes.release();
		}
	}

	private static byte[] payload(int length) {
		byte[] payload = new byte[length];
		for (int i = 0; i < length; i++) {
			payload[i] = (byte) ('a' + i % 26);
		}
		return payload;
	}

	private static byte[] encodedByNetty(Object frame) {
		EmbeddedChannel encoder = new EmbeddedChannel(new WebSocket13FrameEncoder(false));
		encoder.writeOutbound(frame);
		ByteBuf bytes = Unpooled.buffer();
		for (ByteBuf part = encoder.readOutbound(); part != null; part = encoder.readOutbound()) {
			bytes.writeBytes(part);
			part.release();
		}
		encoder.finishAndReleaseAll();
		return ByteBufUtil.getBytes(bytes);
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] both = new byte[first.length + second.length];
		System.arraycopy(first, 0, both, 0, first.length);
		System.arraycopy(second, 0, both, first.length, second.length);
		return both;
	}

	private static final class RefusesWrites extends ChannelOutboundHandlerAdapter {

		@Override
		public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
			throw new AssertionError("A frame went through the handlers after the frame encoder");
		}

	}

	/**
	 * The buffer a write's slice was cut from. When Netty's leak detector samples the scratch buffer (one allocation in
	 * 128 by default), the scratch and every slice of it are wrapped for tracking: the slice is under that wrapper.
	 */
	private static ByteBuf scratchOf(ByteBuf slice) {
		return ((slice instanceof WrappedByteBuf tracked) ? tracked.unwrap() : slice).unwrap();
	}

}
