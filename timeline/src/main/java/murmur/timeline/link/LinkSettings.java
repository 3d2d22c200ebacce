package murmur.timeline.link;

import java.time.Duration;
import murmur.config.TimelineSettings;

/**
 * Limits and timeouts of a {@link PeerLink}.
 *
 * @param maxFrameBytes           largest frame, header included, either way; a larger one closes the connection
 * @param requestTimeout          a request not answered by then fails; also the connect timeout
 * @param idleTimeout             a pooled connection with nothing to do for this long is closed
 * @param maxInboundConnections   connections accepted at once; more are closed straight away
 * @param maxPendingPerConnection requests one inbound connection may have unanswered; at that many, the link stops
 *                                reading from it until some are answered
 */
public record LinkSettings(int maxFrameBytes, Duration requestTimeout, Duration idleTimeout,
        int maxInboundConnections, int maxPendingPerConnection) {

    public static final int DEFAULT_MAX_FRAME_BYTES = 1 << 20;

    public LinkSettings {
        if (maxFrameBytes < FrameCodec.HEADER_BYTES + 1 || maxFrameBytes > 64 << 20) {
            throw new IllegalArgumentException("maxFrameBytes must be from 13 B to 64 MiB, got " + maxFrameBytes);
        }
        if (!isPositive(requestTimeout) || !isPositive(idleTimeout)) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (maxInboundConnections < 1 || maxPendingPerConnection < 1) {
            throw new IllegalArgumentException("connection and pending limits must be at least 1");
        }
    }

    /** 1 MiB frames, 3 s requests, 60 s idle connections, 256 inbound connections, 64 pending requests each. */
    public static LinkSettings defaults() {
        return new LinkSettings(DEFAULT_MAX_FRAME_BYTES, Duration.ofSeconds(3), Duration.ofSeconds(60), 256, 64);
    }

    /** The defaults with the request timeout of {@link TimelineSettings#directTimeout()}. */
    public static LinkSettings from(TimelineSettings settings) {
        return defaults().withRequestTimeout(settings.directTimeout());
    }

    public LinkSettings withRequestTimeout(Duration timeout) {
        return new LinkSettings(maxFrameBytes, timeout, idleTimeout, maxInboundConnections, maxPendingPerConnection);
    }

    private static boolean isPositive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }
}
