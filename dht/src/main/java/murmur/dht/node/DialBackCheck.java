package murmur.dht.node;

import murmur.dht.DialBackVerdict;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks other nodes to dial this one back, AutoNAT style, and takes the majority: up to {@link #ASKED} nodes at once;
 * one that does not answer or refuses (it limits how often one IP may ask, and peers behind one router share an IP)
 * is asked once more a little later. A single lying node cannot make an unreachable node look reachable against an
 * honest one: a tie counts as unreachable.
 */
final class DialBackCheck {
    private static final Logger LOG = LoggerFactory.getLogger(DialBackCheck.class);
    static final int ASKED = 3;
    static final long RETRY_MILLIS = 3_000;

    private final DhtNode dht;

    DialBackCheck(DhtNode dht) {
        this.dht = dht;
    }

    CompletableFuture<DialBackVerdict> run(List<InetSocketAddress> nodes, int udpPort, int tcpPort) {
        List<CompletableFuture<Boolean>> answers = new ArrayList<>();
        for (InetSocketAddress node : nodes.subList(0, Math.min(ASKED, nodes.size()))) {
            answers.add(ask(node, udpPort, tcpPort, true));
        }
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).thenApply(v -> {
            int yes = 0;
            int no = 0;
            for (CompletableFuture<Boolean> a : answers) {
                Boolean reached = a.join();
                if (reached != null) {
                    yes += reached ? 1 : 0;
                    no += reached ? 0 : 1;
                }
            }
            LOG.info("dial-back from {} nodes: {} reached udp {} and tcp {}, {} did not", yes + no, yes, udpPort,
                    tcpPort, no);
            return yes + no == 0 ? DialBackVerdict.UNKNOWN
                    : yes > no ? DialBackVerdict.REACHABLE : DialBackVerdict.UNREACHABLE;
        });
    }

    /** Whether the node reached both ports; null when it did not answer (twice). */
    private CompletableFuture<Boolean> ask(InetSocketAddress node, int udpPort, int tcpPort, boolean retry) {
        return dht.dialBack(node, udpPort, tcpPort)
                .thenApply(r -> (udpPort == 0 || r.udpReached()) && (tcpPort == 0 || r.tcpReached()))
                .<CompletableFuture<Boolean>>handle((reached, e) -> {
                    if (e == null) {
                        return CompletableFuture.completedFuture(reached);
                    }
                    LOG.debug("{} did not dial back: {}", node, e.getMessage());
                    if (!retry) {
                        return CompletableFuture.completedFuture(null);
                    }
                    Executor later = CompletableFuture.delayedExecutor(RETRY_MILLIS, TimeUnit.MILLISECONDS);
                    return CompletableFuture.supplyAsync(() -> null, later)
                            .thenCompose(x -> ask(node, udpPort, tcpPort, false));
                }).thenCompose(f -> f);
    }
}
