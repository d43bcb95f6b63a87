package dev.socketioredis.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.protocol.EngineIOVersion;
import com.corundumstudio.socketio.protocol.JsonSupport;
import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketEncoder;
import com.corundumstudio.socketio.protocol.PacketType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.UnpooledByteBufAllocator;
import org.jspecify.annotations.Nullable;

/**
 * Encodes a broadcast event once into a {@link SharedPacket}: from the JSON text its arguments came with, or with the
 * server's JSON mapper.
 */
public final class SharedPacketEncoder {

	private static final ByteBufAllocator HEAP = new UnpooledByteBufAllocator(false);

	private final PacketEncoder encoder;

	public SharedPacketEncoder(JsonSupport jsonSupport) {
		Configuration heapBuffers = new Configuration();
		heapBuffers.setPreferDirectBuffer(false);
		this.encoder = new PacketEncoder(heapBuffers, jsonSupport);
	}

	/**
	 * @param nsp the netty-socketio namespace name ({@code ""} for the default namespace)
	 * @param dataJson {@code [event, ...args]} as JSON text when the broadcast came with it (read from Redis), so
	 * that the arguments need not be encoded again; {@code null} to encode them with the server's JSON mapper
	 * @return the shared packet, or empty when the event carries binary: binary packets get their attachments while
	 * being encoded, so each client needs a packet of its own
	 */
	public Optional<SharedPacket> encode(String nsp, String event, List<Object> args, byte @Nullable [] dataJson) {
		return (dataJson != null) ? Optional.of(new SharedPacket(nsp, event, args, eventText(nsp, dataJson)))
				: encode(nsp, event, args);
	}

	private Optional<SharedPacket> encode(String nsp, String event, List<Object> args) {
		Packet template = new Packet(PacketType.MESSAGE, EngineIOVersion.V4);
		template.setSubType(PacketType.EVENT);
		template.setNsp(nsp);
		template.setName(event);
		template.setData(args);
		ByteBuf buffer = HEAP.heapBuffer();
		try {
			this.encoder.encodePacket(template, buffer, HEAP, true);
			if (template.hasAttachments()) {
				return Optional.empty();
			}
			return Optional.of(new SharedPacket(nsp, event, args, ByteBufUtil.getBytes(buffer)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot encode event '" + event + "'", ex);
		}
		finally {
			buffer.release();
		}
	}

	/** What netty-socketio's encoder writes for an event: {@code 42}, the namespace and a comma unless default, the data. */
	private static byte[] eventText(String nsp, byte[] dataJson) {
		byte[] namespace = nsp.isEmpty() ? new byte[0] : (nsp + ",").getBytes(StandardCharsets.UTF_8);
		byte[] text = new byte[2 + namespace.length + dataJson.length];
		text[0] = '4';
		text[1] = '2';
		System.arraycopy(namespace, 0, text, 2, namespace.length);
		System.arraycopy(dataJson, 0, text, 2 + namespace.length, dataJson.length);
		return text;
	}

}
