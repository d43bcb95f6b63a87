package dev.socketioredis.transport;

import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketIOChannelInitializer;
import com.corundumstudio.socketio.namespace.NamespacesHub;
import com.corundumstudio.socketio.protocol.PacketEncoder;
import io.netty.channel.ChannelPipeline;
import org.jspecify.annotations.Nullable;

/**
 * netty-socketio's channel initializer with {@link OutboundPacketHandler} in front of its encoder. Install it with
 * {@code server.setPipelineFactory(new PacketEncodingChannelInitializer())} before the server starts; the
 * auto-configured server has it.
 */
public class PacketEncodingChannelInitializer extends SocketIOChannelInitializer {

	/** Name of the handler in each channel's pipeline. */
	public static final String PACKET_WRITER = "socketioRedisPacketWriter";

	private @Nullable OutboundPacketHandler packetWriter;

	@Override
	public void start(Configuration configuration, NamespacesHub namespacesHub) {
		super.start(configuration, namespacesHub);
		this.packetWriter = new OutboundPacketHandler(configuration,
				new PacketEncoder(configuration, configuration.getJsonSupport()));
	}

	@Override
	protected void addSocketioHandlers(ChannelPipeline pipeline) {
		super.addSocketioHandlers(pipeline);
		// outbound messages travel from the tail: placed after the encoder, this handler sees packets first
		pipeline.addAfter(SOCKETIO_ENCODER, PACKET_WRITER, this.packetWriter);
	}

}
