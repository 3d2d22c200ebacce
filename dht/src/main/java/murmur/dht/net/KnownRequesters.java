package murmur.dht.net;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Addresses whose requests this node answered lately. Each of them holds an answer that carried its own unpredictable
 * request id back from this node's address, so it knows this node receives what is sent here and may send it large
 * answers without checking; requests to every other address are padded ({@link
 * murmur.dht.wire.MessageCodec#encode(murmur.dht.wire.Packet, int)}) so that their answers need no check either.
 * Remembered a little shorter than the other side remembers us, so an answer to an unpadded request never waits.
 */
final class KnownRequesters {
    static final Duration REMEMBERED_FOR = Duration.ofMinutes(50);
    static final int CAPACITY = 8192;

    private final Map<InetSocketAddress, Long> answeredUntil = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<InetSocketAddress, Long> eldest) {
            return size() > CAPACITY;
        }
    };

    synchronized void answered(InetSocketAddress requester, long nowNanos) {
        answeredUntil.put(requester, nowNanos + REMEMBERED_FOR.toNanos());
    }

    synchronized boolean knowsUs(InetSocketAddress address, long nowNanos) {
        Long until = answeredUntil.get(address);
        return until != null && until - nowNanos > 0;
    }
}
