package dev.socketioredis.transport;

import java.util.List;

import com.corundumstudio.socketio.protocol.EngineIOVersion;
import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * An event packet encoded once and queued as is for every client of a broadcast. The Socket.IO text of an event is the
 * same for every Engine.IO version; only the transport framing differs, and {@link OutboundPacketHandler} adds it.
 * The packet keeps its name and data, so netty-socketio's own encoder can still write it. Created by
 * {@link SharedPacketEncoder}.
 */
public final class SharedPacket extends Packet {

	private final byte[] text;

	SharedPacket(String nsp, String event, List<Object> args, byte[] text) {
		super(PacketType.MESSAGE, EngineIOVersion.UNKNOWN);
		setSubType(PacketType.EVENT);
		setNsp(nsp);
		setName(event);
		setData(args);
		this.text = text;
	}

	/** How many bytes {@link #text()} has. */
	int size() {
		return this.text.length;
	}

	/** The Engine.IO message: {@code 4} followed by the Socket.IO packet, as UTF-8. */
	ByteBuf text() {
		return Unpooled.wrappedBuffer(this.text);
	}

}
