package dev.socketioredis.transport;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * netty-socketio closes the connection after every HTTP response it writes (long-polling answers, the handshake,
 * errors) while the response says {@code Connection: keep-alive}; a client that takes it at its word and sends its
 * next request on the same connection (Java's {@code HttpClient}, Node's agent since Node 19) finds it closed and the
 * request fails. Every such response now says {@code Connection: close}. The websocket upgrade is left alone.
 */
@Sharable
final class ConnectionCloseHeader extends ChannelOutboundHandlerAdapter {

	@Override
	public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
		if (msg instanceof HttpResponse response
				&& !response.status().equals(HttpResponseStatus.SWITCHING_PROTOCOLS)) {
			response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
		}
		ctx.write(msg, promise);
	}

}
