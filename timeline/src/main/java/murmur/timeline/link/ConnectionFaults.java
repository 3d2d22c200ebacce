package murmur.timeline.link;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.DecoderException;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one way both ends of a connection react to bad input or a broken socket: log, count, close. */
final class ConnectionFaults {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionFaults.class);

    private ConnectionFaults() {}

    /** Closes after an exception; malformed and oversized frames ({@link DecoderException}) count as dropped. */
    static void close(ChannelHandlerContext ctx, Throwable cause, LinkCounters counters) {
        if (cause instanceof DecoderException) {
            counters.dropped();
            Throwable reason = cause.getCause() == null ? cause : cause.getCause();
            LOG.warn("closing the connection with {}: {}", ctx.channel().remoteAddress(), reason.getMessage());
        } else if (cause instanceof IOException) {
            LOG.debug("connection with {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        } else {
            LOG.warn("closing the connection with {}", ctx.channel().remoteAddress(), cause);
        }
        ctx.close();
    }

    static void protocolViolation(ChannelHandlerContext ctx, Frame frame, LinkCounters counters) {
        counters.dropped();
        LOG.warn("closing the connection with {}: unexpected {}", ctx.channel().remoteAddress(), frame);
        ctx.close();
    }
}
