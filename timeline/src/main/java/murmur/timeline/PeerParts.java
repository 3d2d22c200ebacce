package murmur.timeline;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import murmur.dht.DhtNode;
import murmur.timeline.observe.Live;
import murmur.timeline.observe.LiveValue;

/** Owns and wires the peer's services; starts them in dependency order and stops them in reverse. */
final class PeerParts {
    private final TimelinePeer.Config config;
    private final LiveValue<ConnectionStatus> connection = new LiveValue<>(ConnectionStatus.OFFLINE);
    private final LiveValue<ClockStatus> clockStatus = new LiveValue<>(ClockStatus.UNSYNCHRONISED);
    private DhtNode dht;

    PeerParts(TimelinePeer.Config config) {
        this.config = config;
    }

    CompletableFuture<Void> start() {
        dht = DhtNode.builder().settings(config.settings().dht()).dataDir(config.dataDir().resolve("dht"))
                .bindAddress(new InetSocketAddress(config.host(), 0)).build();
        return dht.start().thenCompose(v -> dht.bootstrap(config.seeds()));
    }

    CompletableFuture<Void> stop() {
        return dht == null ? CompletableFuture.completedFuture(null) : dht.stop();
    }

    Accounts accounts() {
        throw new UnsupportedOperationException("accounts are being built");
    }

    Live<ConnectionStatus> connection() {
        return connection;
    }

    Live<ClockStatus> clockStatus() {
        return clockStatus;
    }

    DhtNode dht() {
        return dht;
    }

    InetSocketAddress peerAddress() {
        return dht.address();
    }
}
