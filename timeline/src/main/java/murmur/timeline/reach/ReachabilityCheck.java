package murmur.timeline.reach;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import murmur.dht.DhtNode;
import murmur.dht.DialBackResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks other nodes (the bootstrap nodes, by default) to dial this peer back, AutoNAT style: each probes, from
 * sockets this peer never talked to, the DHT's UDP port and the link's TCP port at the address this peer's request
 * came from. Up to {@link #ASKED} nodes are asked at once; a node that refuses (it limits how often one IP may ask,
 * and peers behind one router share an IP) is asked once more a little later. The verdict is the majority of the
 * answers: a single lying node cannot make an unreachable peer look reachable against an honest one.
 */
final class ReachabilityCheck {
    private static final Logger LOG = LoggerFactory.getLogger(ReachabilityCheck.class);
    static final int ASKED = 3;
    static final long RETRY_MILLIS = 3_000;

    /** What the asked nodes found. */
    enum Verdict { REACHABLE, UNREACHABLE, UNKNOWN }

    private final DhtNode dht;

    ReachabilityCheck(DhtNode dht) {
        this.dht = dht;
    }

    CompletableFuture<Verdict> run(List<InetSocketAddress> nodes, int udpPort, int tcpPort) {
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
            return yes + no == 0 ? Verdict.UNKNOWN : yes > no ? Verdict.REACHABLE : Verdict.UNREACHABLE;
        });
    }

    /** True or false as the node found; null when it did not answer. */
    private CompletableFuture<Boolean> ask(InetSocketAddress node, int udpPort, int tcpPort, boolean retry) {
        return dht.dialBack(node, udpPort, tcpPort).thenApply(DialBackResult::tcpReached
                ).thenCombine(CompletableFuture.completedFuture(null), (tcp, ignored) -> tcp)
                .<CompletableFuture<Boolean>>handle((tcp, e) -> {
                    if (e == null) {
                        return CompletableFuture.completedFuture(tcp);
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
