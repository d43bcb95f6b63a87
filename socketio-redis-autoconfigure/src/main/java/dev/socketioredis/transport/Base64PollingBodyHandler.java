package dev.socketioredis.transport;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;

/**
 * Keeps the long-polling payloads of Engine.IO v3 clients in base64 mode ({@code b64=1}, as socket.io-client 2 sends
 * from Node.js) intact. netty-socketio URL-decodes the body of every {@code b64} POST, which is right only for JSONP
 * form bodies ({@code j=...}, {@code d=<url-encoded>}); a plain body is the payload itself, so a {@code %} in it broke
 * the packet (the CONNECT of a namespace with a query, {@code 40/admin?room=a%2Cb,}, was refused) and a {@code +}
 * became a space. Encoding the body here makes netty-socketio's decoding give the client's bytes back.
 */
@Sharable
final class Base64PollingBodyHandler extends ChannelInboundHandlerAdapter {

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
		if (msg instanceof FullHttpRequest request && isBase64PollingPost(request)) {
			String body = request.content().toString(StandardCharsets.UTF_8);
			FullHttpRequest encoded = request.replace(Unpooled
				.wrappedBuffer(URLEncoder.encode(body, StandardCharsets.UTF_8).getBytes(StandardCharsets.US_ASCII)));
			request.release();
			ctx.fireChannelRead(encoded);
			return;
		}
		ctx.fireChannelRead(msg);
	}

	private static boolean isBase64PollingPost(FullHttpRequest request) {
		if (!HttpMethod.POST.equals(request.method())) {
			return false;
		}
		QueryStringDecoder query = new QueryStringDecoder(request.uri());
		List<String> b64 = query.parameters().get("b64");
		return b64 != null && List.of("1", "true").contains(b64.get(0))
				&& List.of("polling").equals(query.parameters().get("transport"))
				&& !query.parameters().containsKey("j");
	}

}
