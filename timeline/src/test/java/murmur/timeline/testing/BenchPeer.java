package murmur.timeline.testing;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.UnaryOperator;
import murmur.dht.SigningKey;
import murmur.timeline.dissemination.DeliverySink;
import murmur.timeline.dissemination.FanoutSettings;
import murmur.timeline.dissemination.Holder;
import murmur.timeline.dissemination.Hop;
import murmur.timeline.dissemination.Intake;
import murmur.timeline.dissemination.ProbeSink;
import murmur.timeline.dissemination.Relay;
import murmur.timeline.link.LinkSettings;
import murmur.timeline.link.LinkThreads;
import murmur.timeline.link.LinkTypes;
import murmur.timeline.link.PeerLink;
import murmur.timeline.post.PostIntake.Outcome;
import murmur.timeline.session.Direct;

/** A lightweight peer: its own {@link PeerLink} on loopback and a production {@link Relay} over an in-memory log. */
public final class BenchPeer {
    /**
     * Where each bench peer started in this JVM listens: what signed presence would say, for the orphans a relay
     * adopts. Bench peers of one run have names of their own.
     */
    private static final Map<String, String> LISTENING = new ConcurrentHashMap<>();
    /** Each bench peer's user key, as the author's pins would hold it, for the receipts it signs. */
    private static final Map<String, byte[]> KEYS = new ConcurrentHashMap<>();
    private final String name;
    private final PeerLink link;
    private final Relay relay;

    private BenchPeer(String name, PeerLink link, Relay relay) {
        this.name = name;
        this.link = link;
        this.relay = relay;
    }

    /** Binds a link on loopback with threads of its own and serves pushes and receipts for {@code name}. */
    public static CompletableFuture<BenchPeer> start(String name, Intake intake, Arrivals arrivals,
            FanoutSettings settings, DeliverySink sink, ScheduledExecutorService scheduler) {
        return serve(name, intake, arrivals, settings, sink, scheduler,
                PeerLink.bind(new InetSocketAddress("127.0.0.1", 0), LinkSettings.defaults()));
    }

    /** Binds a link on loopback, on the shared threads, and serves pushes and receipts for {@code name}. */
    public static CompletableFuture<BenchPeer> start(String name, Intake intake, Arrivals arrivals,
            FanoutSettings settings, DeliverySink sink, ScheduledExecutorService scheduler, LinkSettings link,
            LinkThreads threads) {
        return start(name, intake, arrivals, settings, sink, scheduler, link, threads, UnaryOperator.identity());
    }

    /**
     * Like {@link #start(String, Intake, Arrivals, FanoutSettings, DeliverySink, ScheduledExecutorService,
     * LinkSettings, LinkThreads)}, with what the relay sends going through {@code outbound} (e.g. an
     * {@link UplinkShaper}) wrapped around the link's requests.
     */
    public static CompletableFuture<BenchPeer> start(String name, Intake intake, Arrivals arrivals,
            FanoutSettings settings, DeliverySink sink, ScheduledExecutorService scheduler, LinkSettings link,
            LinkThreads threads, UnaryOperator<Direct> outbound) {
        return serve(name, intake, arrivals, settings, sink, scheduler,
                PeerLink.bind(new InetSocketAddress("127.0.0.1", 0), link, threads), outbound);
    }

    private static CompletableFuture<BenchPeer> serve(String name, Intake intake, Arrivals arrivals,
            FanoutSettings settings, DeliverySink sink, ScheduledExecutorService scheduler,
            CompletableFuture<PeerLink> binding) {
        return serve(name, intake, arrivals, settings, sink, scheduler, binding, UnaryOperator.identity());
    }

    private static CompletableFuture<BenchPeer> serve(String name, Intake intake, Arrivals arrivals,
            FanoutSettings settings, DeliverySink sink, ScheduledExecutorService scheduler,
            CompletableFuture<PeerLink> binding, UnaryOperator<Direct> outbound) {
        return binding.thenApply(link -> {
            String address = "127.0.0.1:" + link.address().getPort();
            LISTENING.put(name, address);
            SigningKey key = SigningKey.generate();
            KEYS.put(name, key.publicKey());
            Holder holder = Holder.of(name, key);
            Relay relay = new Relay(outbound.apply(link::request), intake, () -> Optional.of(holder), () -> address,
                    settings, sink, scheduler,
                    n -> CompletableFuture.completedFuture(Optional.ofNullable(LISTENING.get(n))),
                    n -> CompletableFuture.completedFuture(Optional.ofNullable(KEYS.get(n))));
            relay.onReceived((post, depth, outcome) -> {
                if (outcome != Outcome.REJECTED) {
                    arrivals.arrived(post.seq(), name, depth);
                }
            });
            link.onRequest(LinkTypes.PUSH, relay::onPush);
            link.onRequest(LinkTypes.RECEIPT, relay::onReceipt);
            link.onRequest(LinkTypes.UPLINK_PROBE, new ProbeSink(System::nanoTime)::onProbe);
            return new BenchPeer(name, link, relay);
        });
    }

    public Hop hop() {
        return new Hop(name, "127.0.0.1:" + link.address().getPort());
    }

    public String name() {
        return name;
    }

    public Relay relay() {
        return relay;
    }

    public PeerLink link() {
        return link;
    }

    /** Closes the link at once: to its parent this peer is dead. */
    public CompletableFuture<Void> kill() {
        return link.close();
    }

    /** Where each of {@code peers} listens, in the same order. */
    public static List<Hop> hops(List<BenchPeer> peers) {
        return peers.stream().map(BenchPeer::hop).toList();
    }
}
