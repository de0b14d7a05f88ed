package de.augenhoehe.gateway.web;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * A request Netty cannot decode — a request line over {@code server.netty.max-initial-line-length} (414), headers over
 * {@code server.max-http-request-header-size} (431), a broken request line (400) — is refused before any filter runs,
 * and Reactor Netty answers it with an empty body. The endpoint fuzzer (#16) found the bare 414 of a 100,000-character
 * query: every error of the platform is a problem, so this handler, right after Netty's HTTP codec, answers such a
 * request itself as one and closes the connection (what follows the broken line cannot be read as a request).
 */
@Component
class DecodingFailureProblems implements NettyServerCustomizer {

    static final String DETAIL_LINE = "The request line (method, path and query) is longer than the gateway accepts";
    static final String DETAIL_HEADERS = "The request headers are larger than the gateway accepts";
    static final String DETAIL_BROKEN = "The request could not be read as HTTP";

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, address) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, "augenhoehe.decodingFailureProblems", new Handler());
            }
        });
    }

    @ChannelHandler.Sharable
    static final class Handler extends ChannelInboundHandlerAdapter {

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            DecoderResult result = msg instanceof HttpRequest request ? request.decoderResult() : null;
            if (result == null || !result.isFailure()) {
                ctx.fireChannelRead(msg);
                return;
            }
            ReferenceCountUtil.release(msg);
            Throwable cause = result.cause();
            HttpStatus status = cause instanceof TooLongHttpLineException ? HttpStatus.URI_TOO_LONG
                    : cause instanceof TooLongHttpHeaderException ? HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE : HttpStatus.BAD_REQUEST;
            String detail = status == HttpStatus.URI_TOO_LONG ? DETAIL_LINE
                    : status == HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE ? DETAIL_HEADERS : DETAIL_BROKEN;
            byte[] body = Problems.body(status, detail, null);
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.valueOf(status.value()), Unpooled.wrappedBuffer(body));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, Problems.PROBLEM_JSON.toString())
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            ctx.channel().config().setAutoRead(false); // nothing more of this connection is read
        }
    }
}
