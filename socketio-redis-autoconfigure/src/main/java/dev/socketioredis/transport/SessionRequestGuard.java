package dev.socketioredis.transport;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.corundumstudio.socketio.handler.ClientsBox;
import dev.socketioredis.transport.ClientFaults.Reason;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.jspecify.annotations.Nullable;

/**
 * Answers the Engine.IO requests that name no session of this node, or no known transport or method, as Node's
 * engine.io does: {@code 400} with its error body ({@code {"code":1,"message":"Session ID unknown"}}, code 0 for an
 * unknown transport, code 3 for any other bad request). netty-socketio threw on a {@code sid} that is not a UUID and
 * left the connection open with no answer, answered {@code 500} for an unknown one or a method it does not know, and
 * logged each at ERROR. Refusals are counted as {@link ClientFaults}.
 */
@Sharable
final class SessionRequestGuard extends ChannelInboundHandlerAdapter {

	private static final Set<String> TRANSPORTS = Set.of("polling", "websocket");

	private static final Set<HttpMethod> POLLING_METHODS = Set.of(HttpMethod.GET, HttpMethod.POST,
			HttpMethod.OPTIONS);

	private final String connectPath;

	private final ClientsBox sessions;

	private final ClientFaults faults;

	SessionRequestGuard(String connectPath, ClientsBox sessions, ClientFaults faults) {
		this.connectPath = connectPath;
		this.sessions = sessions;
		this.faults = faults;
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (msg instanceof FullHttpRequest request) {
			QueryStringDecoder query = new QueryStringDecoder(request.uri());
			if (query.path().startsWith(this.connectPath)) {
				Refusal refusal = refusalOf(request, query);
				if (refusal != null) {
					request.release();
					this.faults.record(refusal.reason(), ctx.channel().remoteAddress(), null);
					refuse(ctx, refusal);
					return;
				}
			}
		}
		ctx.fireChannelRead(msg);
	}

	private @Nullable Refusal refusalOf(FullHttpRequest request, QueryStringDecoder query) {
		String transport = first(query.parameters().get("transport"));
		if (transport == null || !TRANSPORTS.contains(transport)) {
			return Refusal.UNKNOWN_TRANSPORT;
		}
		String sid = first(query.parameters().get("sid"));
		if (sid == null) {
			return null; // a handshake
		}
		UUID sessionId = parse(sid);
		if (sessionId == null || this.sessions.get(sessionId) == null) {
			return Refusal.UNKNOWN_SESSION;
		}
		boolean pollingMethod = transport.equals("websocket") || POLLING_METHODS.contains(request.method());
		return pollingMethod ? null : Refusal.BAD_REQUEST;
	}

	private static @Nullable String first(@Nullable List<String> values) {
		return (values != null && !values.isEmpty()) ? values.get(0) : null;
	}

	private static @Nullable UUID parse(String sid) {
		try {
			return UUID.fromString(sid);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static void refuse(ChannelHandlerContext ctx, Refusal refusal) {
		FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_REQUEST,
				Unpooled.copiedBuffer(refusal.body(), StandardCharsets.UTF_8));
		response.headers()
			.set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
			.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
		HttpUtil.setContentLength(response, response.content().readableBytes());
		ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
	}

	/** Engine.IO's error codes and messages. */
	private enum Refusal {

		UNKNOWN_TRANSPORT(0, "Transport unknown", Reason.BAD_REQUEST),

		UNKNOWN_SESSION(1, "Session ID unknown", Reason.UNKNOWN_SESSION),

		BAD_REQUEST(3, "Bad request", Reason.BAD_REQUEST);

		private final int code;

		private final String message;

		private final Reason reason;

		Refusal(int code, String message, Reason reason) {
			this.code = code;
			this.message = message;
			this.reason = reason;
		}

		String body() {
			return "{\"code\":" + this.code + ",\"message\":\"" + this.message + "\"}";
		}

		Reason reason() {
			return this.reason;
		}

	}

}
