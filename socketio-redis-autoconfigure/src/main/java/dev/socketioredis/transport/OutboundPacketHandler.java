package dev.socketioredis.transport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Queue;

import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.handler.ClientHead;
import com.corundumstudio.socketio.handler.EncoderHandler;
import com.corundumstudio.socketio.messages.OutPacketMessage;
import com.corundumstudio.socketio.namespace.Namespace;
import com.corundumstudio.socketio.protocol.EngineIOVersion;
import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketEncoder;
import com.corundumstudio.socketio.protocol.PacketType;
import com.corundumstudio.socketio.transport.NamespaceClient;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AttributeKey;
import org.jspecify.annotations.Nullable;

/**
 * Writes the packets queued for a client, in place of netty-socketio's {@code EncoderHandler} (which still writes
 * every other HTTP message). netty-socketio 2.0.14 frames binary attachments for Engine.IO v3 only (a leading
 * {@code 0x04} on websocket, v3 binary framing on long-polling), which Engine.IO v4 clients reject, and it encodes a
 * broadcast's one packet for every client while mutating it. This handler:
 * <ul>
 * <li>frames attachments per Engine.IO version: raw binary frames (v4) or {@code 0x04}-prefixed ones (v3) on
 * websocket; {@code b}+base64 records separated by {@code 0x1e} on v4 long-polling;</li>
 * <li>writes the v3 long-polling text payload (base64 mode) with lengths in characters and the text in UTF-8, as
 * Node's engine.io does;</li>
 * <li>encodes a private copy of every packet, so a packet shared by several clients is never changed;</li>
 * <li>writes a {@link SharedPacket}'s bytes as they are, encoded once for every client;</li>
 * <li>writes a websocket client's frames in one buffer, straight to where the frame encoder writes, unless they are
 * compressed ({@link WebSocketFrames});</li>
 * <li>writes what a websocket client is sent after its first packet of a turn of its event loop at the end of that
 * turn, in one system call ({@link WritesOfATurn}).</li>
 * </ul>
 */
@Sharable
public final class OutboundPacketHandler extends ChannelOutboundHandlerAdapter {

	/** netty-socketio's limit of packets per long-polling response. */
	private static final byte RECORD_SEPARATOR = 0x1e;

	private static final byte V3_BINARY_MESSAGE = 4;

	/** Set on a websocket client's channel once it is cut off as too slow. */
	private static final AttributeKey<Boolean> CUT_OFF = AttributeKey.valueOf(OutboundPacketHandler.class, "cutOff");

	private final Configuration configuration;

	private final PacketEncoder encoder;

	private final long maxPendingWriteBytes;

	private final ClientFaults faults;

	private final WritesOfATurn<ClientHead> writesOfATurn = new WritesOfATurn<>(this::writeWebSocketFrames);

	/**
	 * @param maxPendingWriteBytes how many bytes may wait to be written to one websocket client; a client past it
	 * reads too slowly to keep up, and is disconnected
	 */
	public OutboundPacketHandler(Configuration configuration, PacketEncoder encoder, long maxPendingWriteBytes,
			ClientFaults faults) {
		this.configuration = configuration;
		this.encoder = encoder;
		this.maxPendingWriteBytes = maxPendingWriteBytes;
		this.faults = faults;
	}

	@Override
	public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
		if (!(msg instanceof OutPacketMessage message)) {
			ctx.write(msg, promise);
			return;
		}
		if (message.getTransport() == Transport.WEBSOCKET) {
			this.writesOfATurn.write(message.getClientHead(), ctx, promise);
		}
		else {
			writePollingResponse(message, ctx, promise);
		}
	}

	private void writeWebSocketFrames(ClientHead client, ChannelHandlerContext ctx, ChannelPromise promise)
			throws IOException {
		Queue<Packet> queue = client.getPacketsQueue(Transport.WEBSOCKET);
		EngineIOVersion version = client.getEngineIOVersion();
		Channel channel = ctx.channel();
		WebSocketFrames frames = WebSocketFrames.of(ctx, this.configuration.isWebsocketCompression());
		try {
			for (Packet packet = queue.poll(); packet != null; packet = queue.poll()) {
				leaveNamespaceOnDisconnect(client, packet);
				if (pendingWriteBytes(channel) + frames.pendingBytes() > this.maxPendingWriteBytes) {
					frames.discard();
					disconnectSlowClient(client, channel, promise);
					return;
				}
				Encoded encoded = encode(packet, version, ctx.alloc());
				frames.add(WebSocketFrames.TEXT, encoded.text());
				for (ByteBuf attachment : encoded.attachments()) {
					frames.add(WebSocketFrames.BINARY, (version == EngineIOVersion.V4) ? attachment : Unpooled
						.wrappedBuffer(Unpooled.wrappedBuffer(new byte[] { V3_BINARY_MESSAGE }), attachment));
				}
			}
		}
		catch (IOException | RuntimeException ex) { // the packets before one that cannot be encoded still go out
			frames.write();
			frames.flush();
			throw ex;
		}
		ChannelFuture last = frames.write();
		frames.flush();
		if (last == null) {
			promise.trySuccess();
		}
		else {
			last.addListener((ChannelFuture written) -> complete(promise, written));
		}
	}

	/**
	 * netty-socketio's {@code SocketIOClient.disconnect()} only queues the namespace's DISCONNECT packet: the socket
	 * stayed in its namespace and rooms, listed and counted, until the whole connection closed. Once the packet goes
	 * out, the socket leaves them and its disconnect listeners run, as after Node's {@code socket.disconnect()}. (A
	 * socket disconnected through {@link EngineSessions} has left already.)
	 */
	private static void leaveNamespaceOnDisconnect(ClientHead session, Packet packet) {
		if (packet.getType() != PacketType.MESSAGE || packet.getSubType() != PacketType.DISCONNECT) {
			return;
		}
		for (Namespace namespace : session.getNamespaces()) {
			if (namespace.getName().equals(packet.getNsp())) {
				NamespaceClient socket = session.getChildClient(namespace);
				if (socket != null) {
					socket.onDisconnect();
				}
				return;
			}
		}
	}

	private static long pendingWriteBytes(Channel channel) {
		ChannelOutboundBuffer buffer = channel.unsafe().outboundBuffer();
		return (buffer != null) ? buffer.totalPendingWriteBytes() : 0;
	}

	/**
	 * What such a client has not read would only pile up in memory until its ping timeout: it is dropped, and the
	 * connection closed. It is counted once: until the close completes (on io_uring, once the writes in flight are
	 * done), later packets for it find the same backlog.
	 */
	private void disconnectSlowClient(ClientHead client, Channel channel, ChannelPromise promise) {
		client.getPacketsQueue(Transport.WEBSOCKET).clear();
		if (channel.attr(CUT_OFF).setIfAbsent(Boolean.TRUE) == null) {
			this.faults.record(ClientFaults.Reason.SLOW_CLIENT, channel.remoteAddress(), null);
		}
		promise.tryFailure(new IllegalStateException("More than " + this.maxPendingWriteBytes
				+ " bytes wait to be written to client " + client.getSessionId() + ": disconnected"));
		channel.close();
	}

	private void writePollingResponse(OutPacketMessage message, ChannelHandlerContext ctx, ChannelPromise promise)
			throws IOException {
		Channel channel = ctx.channel();
		ClientHead client = message.getClientHead();
		Queue<Packet> queue = client.getPacketsQueue(Transport.POLLING);
		// one response per poll request, with everything queued, as Node's engine.io writes it; later packets wait
		// for the next poll
		if (!channel.isActive() || queue.isEmpty() || !channel.attr(EncoderHandler.WRITE_ONCE).compareAndSet(null, true)) {
			promise.trySuccess();
			return;
		}
		EngineIOVersion version = client.getEngineIOVersion();
		Queue<Packet> batch = new ArrayDeque<>();
		for (Packet packet = queue.poll(); packet != null; packet = queue.poll()) {
			leaveNamespaceOnDisconnect(client, packet);
			batch.add(packet);
		}
		ByteBuf body = ctx.alloc().heapBuffer();
		String contentType;
		if (version == EngineIOVersion.V4) {
			writeV4Payload(batch, body, ctx.alloc());
			contentType = "text/plain; charset=UTF-8";
		}
		else if (Boolean.TRUE.equals(channel.attr(EncoderHandler.B64).get())) {
			Integer jsonpIndex = channel.attr(EncoderHandler.JSONP_INDEX).get();
			if (jsonpIndex != null) {
				this.encoder.encodeJsonP(jsonpIndex, privateCopies(batch, version), body, ctx.alloc(),
						Integer.MAX_VALUE);
				contentType = "application/javascript";
			}
			else {
				writeV3TextPayload(batch, body, ctx.alloc());
				contentType = "text/plain; charset=UTF-8";
			}
		}
		else {
			this.encoder.encodePackets(privateCopies(batch, version), body, ctx.alloc(), Integer.MAX_VALUE);
			contentType = "application/octet-stream";
		}
		writeHttpResponse(message, channel, body, contentType, promise);
	}

	/** Engine.IO v4 payload: packets separated by 0x1e, each attachment a packet of its own as {@code b}+base64. */
	private void writeV4Payload(Queue<Packet> packets, ByteBuf body, ByteBufAllocator alloc) throws IOException {
		for (Packet packet : packets) {
			Encoded encoded = encode(packet, EngineIOVersion.V4, alloc);
			if (body.isReadable()) {
				body.writeByte(RECORD_SEPARATOR);
			}
			writeAndRelease(body, encoded.text());
			for (ByteBuf attachment : encoded.attachments()) {
				body.writeByte(RECORD_SEPARATOR).writeByte('b');
				body.writeCharSequence(Base64.getEncoder().encodeToString(ByteBufUtil.getBytes(attachment)),
						StandardCharsets.US_ASCII);
				attachment.release();
			}
		}
	}

	/**
	 * Engine.IO v3 text payload, as Node's engine.io writes it for a client in base64 mode: each packet as
	 * {@code <length in characters>:<packet>}, each attachment as a packet {@code b4}+base64. (netty-socketio counts
	 * bytes and encodes the UTF-8 bytes a second time, which v3 clients read as other characters.)
	 */
	private void writeV3TextPayload(Queue<Packet> packets, ByteBuf body, ByteBufAllocator alloc) throws IOException {
		for (Packet packet : packets) {
			Encoded encoded = encode(packet, EngineIOVersion.V3, alloc);
			String text = encoded.text().toString(StandardCharsets.UTF_8);
			encoded.text().release();
			writeV3Record(body, text);
			for (ByteBuf attachment : encoded.attachments()) {
				writeV3Record(body, "b4" + Base64.getEncoder().encodeToString(ByteBufUtil.getBytes(attachment)));
				attachment.release();
			}
		}
	}

	/** {@code String.length()} counts UTF-16 code units, as a JavaScript string's length does. */
	private static void writeV3Record(ByteBuf body, String record) {
		body.writeCharSequence(record.length() + ":", StandardCharsets.US_ASCII);
		body.writeCharSequence(record, StandardCharsets.UTF_8);
	}

	private Queue<Packet> privateCopies(Queue<Packet> packets, EngineIOVersion version) {
		Queue<Packet> copies = new ArrayDeque<>(packets.size());
		packets.forEach((packet) -> copies.add(privateCopy(packet, version)));
		return copies;
	}

	private Encoded encode(Packet packet, EngineIOVersion version, ByteBufAllocator alloc) throws IOException {
		if (packet instanceof SharedPacket shared) {
			return new Encoded(shared.text(), List.of());
		}
		Packet copy = privateCopy(packet, version);
		ByteBuf text = alloc.heapBuffer();
		this.encoder.encodePacket(copy, text, alloc, true);
		return new Encoded(text, new ArrayList<>(copy.getAttachments()));
	}

	/** netty-socketio's encoder adds the attachments to the packet it encodes: give it one nobody else holds. */
	private static Packet privateCopy(Packet packet, EngineIOVersion version) {
		Packet copy = new Packet(packet.getType(), version);
		copy.setSubType(packet.getSubType());
		copy.setAckId(packet.getAckId());
		copy.setName(packet.getName());
		copy.setNsp(packet.getNsp());
		copy.setData(packet.getData());
		return copy;
	}

	private void writeHttpResponse(OutPacketMessage message, Channel channel, ByteBuf body, String contentType,
			ChannelPromise promise) {
		HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
		response.headers()
			.add(HttpHeaderNames.CONTENT_TYPE, contentType)
			.add(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
		if (message.getSessionId() != null) {
			response.headers().add(HttpHeaderNames.SET_COOKIE, "io=" + message.getSessionId());
		}
		addCorsHeaders(channel.attr(EncoderHandler.ORIGIN).get(), response);
		HttpUtil.setContentLength(response, body.readableBytes());
		channel.write(response);
		channel.write(new DefaultHttpContent(body));
		channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT, promise).addListener(ChannelFutureListener.CLOSE);
	}

	/** The same headers netty-socketio sets. */
	private void addCorsHeaders(@Nullable String requestOrigin, HttpResponse response) {
		if (!this.configuration.isEnableCors()) {
			return;
		}
		String origin = (this.configuration.getOrigin() != null) ? this.configuration.getOrigin() : requestOrigin;
		response.headers().add(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, (origin != null) ? origin : "*");
		if (origin != null) {
			response.headers().add(HttpHeaderNames.ACCESS_CONTROL_ALLOW_CREDENTIALS, Boolean.TRUE);
		}
		if (this.configuration.getAllowHeaders() != null) {
			response.headers().add(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, this.configuration.getAllowHeaders());
		}
	}

	private static void writeAndRelease(ByteBuf target, ByteBuf source) {
		target.writeBytes(source);
		source.release();
	}

	private static void complete(ChannelPromise promise, ChannelFuture written) {
		if (written.isSuccess()) {
			promise.trySuccess();
		}
		else {
			promise.tryFailure(written.cause());
		}
	}

	private record Encoded(ByteBuf text, List<ByteBuf> attachments) {
	}

}
