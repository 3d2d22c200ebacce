package murmur.timeline.dissemination;

import murmur.timeline.link.PeerAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import murmur.timeline.Post;
import murmur.timeline.dissemination.ReceiptMessage.Held;
import murmur.timeline.dissemination.RouteCounters.Kind;
import murmur.timeline.post.Holding;
import murmur.timeline.post.PostIntake.Outcome;
import murmur.timeline.presence.PeerAddresses;
import murmur.timeline.session.Direct;
import murmur.transport.MalformedInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One peer's part in the dissemination tree: publishes the local user's posts as the root, takes pushes from a
 * parent (checked by the {@link Intake} before anything else happens), forwards them to its children, and passes
 * receipts back up. The same push arriving twice is answered as a duplicate and not relayed again.
 */
public final class Relay {
    private static final Logger LOG = LoggerFactory.getLogger(Relay.class);
    private static final int REMEMBERED_POSTS = 4096;
    /** The largest tree an author sends: itself and {@link PushCodec#MAX_SUBTREE} followers. */
    static final int MAX_TREE = PushCodec.MAX_SUBTREE + 1;

    private final Intake intake;
    private final Supplier<Optional<Holder>> localUser;
    private final Function<String, CompletableFuture<Optional<byte[]>>> publicKey;
    private final Supplier<String> selfAddress;
    private final DeliverySink sink;
    private final Forwarder forwarder;
    private final Receipts receipts;
    private final RouteCounters counters = new RouteCounters();
    private final int degree;
    private volatile MeasuredDegree measuredDegree;
    private final Recent<String, Boolean> handled = new Recent<>(REMEMBERED_POSTS);
    private final Recent<String, Route> routes = new Recent<>(REMEMBERED_POSTS);
    private volatile ReceiveListener listener = (post, depth, outcome) -> { };

    /**
     * @param localUser   the user logged in on this peer, if any, with what signs its receipts; a peer with nobody
     *                    logged in takes no pushes
     * @param selfAddress where this peer's link listens now (every address, comma-joined), where children send
     *                    receipts
     * @param sink        told about receipts for the local user's own posts
     * @param verifiedAddress where a user's peer listens as its signed presence says, empty when offline or
     *                    unknown: an orphan adopted from a relayed push is dialed there, not where the push says
     * @param publicKey   a user's pinned public key: a follower counts as holding the local user's post only when
     *                    its receipt signature checks against it
     */
    public Relay(Direct direct, Intake intake, Supplier<Optional<Holder>> localUser, Supplier<String> selfAddress,
            FanoutSettings settings, DeliverySink sink, ScheduledExecutorService scheduler,
            Function<String, CompletableFuture<Optional<String>>> verifiedAddress,
            Function<String, CompletableFuture<Optional<byte[]>>> publicKey) {
        this.intake = intake;
        this.localUser = localUser;
        this.publicKey = publicKey;
        this.selfAddress = selfAddress;
        this.sink = sink;
        this.forwarder = new Forwarder(direct, settings.hopRetry(), selfAddress, verifiedAddress, counters);
        this.receipts = new Receipts(direct, scheduler, settings.receiptLinger());
        this.degree = settings.degree();
    }

    /** Observes every push that passed or failed the intake, with its depth; for measurements. */
    public void onReceived(ReceiveListener l) {
        this.listener = l;
    }

    /**
     * Sends the local user's {@code post} down a tree of {@code followers}, in that order (see {@link FanoutOrder}),
     * of the degree the settings chose ({@link FanoutSettings#degree()}, 2 unless set otherwise).
     */
    public CompletableFuture<FanoutReport> publish(Post post, List<Hop> followers) {
        MeasuredDegree measured = measuredDegree;
        if (measured == null) {
            return publish(post, followers, degree);
        }
        CompletableFuture<FanoutReport> sent = publish(post, followers, measured.degree());
        sent.whenComplete((report, e) -> measured.afterOwnPost(followers));
        return sent;
    }

    /**
     * From now on the local user's posts go down a tree of the degree {@code measured} picks from the uplink it
     * measures, instead of the settings' ({@code timeline.fanoutDegree: auto} with no {@code timeline.uplink}).
     */
    public void measureUplink(MeasuredDegree measured) {
        this.measuredDegree = measured;
    }

    /**
     * Sends the local user's {@code post} down a tree of {@code followers} of degree {@code treeDegree} (2 to 16), in
     * that order (see {@link FanoutOrder}): {@code treeDegree} copies leave this peer, to the first followers, unless
     * one of them is dead and its children are adopted. Completes when this peer's own sends are done.
     */
    public CompletableFuture<FanoutReport> publish(Post post, List<Hop> followers, int treeDegree) {
        List<Hop> tree = new ArrayList<>(followers.size() + 1);
        tree.add(new Hop(post.author(), selfAddress.get()));
        tree.addAll(followers);
        expectReceipts(post, followers);
        return forwarder.forwardOwn(post, tree, treeDegree);
    }

    /**
     * The naive baseline: sends {@code post} to every follower straight from here, with no tree. Their receipts
     * are checked and counted as a tree's are.
     */
    public CompletableFuture<FanoutReport> sendEach(Post post, List<Hop> followers) {
        expectReceipts(post, followers);
        List<CompletableFuture<FanoutReport>> sends = followers.stream()
                .map(f -> forwarder.forwardOwn(post, List.of(new Hop(post.author(), selfAddress.get()), f),
                        FanoutTree.BINARY)).toList();
        return CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).thenApply(v -> sends.stream()
                .map(CompletableFuture::join)
                .reduce(new FanoutReport(0, 0), (a, b) -> new FanoutReport(a.sent() + b.sent(),
                        a.failed() + b.failed())));
    }

    /** Takes receipts for the local user's {@code post} from each of {@code followers}, once. */
    private void expectReceipts(Post post, List<Hop> followers) {
        Set<String> names = new HashSet<>();
        followers.forEach(h -> names.add(h.name()));
        routes.put(routeKey(post.author(), post.device(), post.seq()), Route.own(names, post.hash()));
    }

    /** Handles a {@link murmur.timeline.link.LinkTypes#PUSH}. */
    public CompletableFuture<byte[]> onPush(InetSocketAddress remote, byte[] body) {
        PushMessage push;
        try {
            push = PushCodec.decode(body);
        } catch (MalformedInputException e) {
            LOG.warn("dropped a malformed push from {}: {}", remote, e.getMessage());
            return CompletableFuture.failedFuture(new IllegalArgumentException("malformed push: " + e.getMessage()));
        }
        Optional<Holder> me = localUser.get();
        if (me.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalStateException("no one is logged in here"));
        }
        Post post = push.post();
        LOG.debug("push of {} at depth {} from {}", post, push.depth(), remote);
        if (push.subtree().size() > maxSubtree(push.depth())) {
            counters.count(Kind.OVERSIZED_SUBTREE, push.subtree().size() + " peers below depth " + push.depth()
                    + " in a push of " + post + " from " + remote + ", at most " + maxSubtree(push.depth()));
            return CompletableFuture.failedFuture(new IllegalArgumentException("subtree too large for its depth"));
        }
        String key = HexFormat.of().formatHex(post.hash());
        if (!handled.putIfAbsent(key, Boolean.TRUE)) {
            return CompletableFuture.completedFuture(PushAnswer.encode(Outcome.DUPLICATE));
        }
        // Forwarded once the checks pass (the intake calls back), before the post is stored: the children need not
        // wait for this disk. The answer to the parent and this peer's own receipt wait for the write.
        List<PeerAddress> parent = PeerAddresses.parseDialable(push.replyTo());
        AtomicBoolean forwarded = new AtomicBoolean();
        return intake.accept(post, () -> {
            forwarded.set(true);
            forward(push, parent);
        }).handle((outcome, failure) -> {
            if (failure != null || outcome == Outcome.REJECTED) {
                handled.remove(key);
                listener.received(post, push.depth(), Outcome.REJECTED);
                LOG.warn("dropped {} pushed by {}: {}", post, remote, forwarded.get()
                        ? "it passed the checks and was relayed, but was not stored here"
                        : "it failed the checks; not relayed");
                throw new IllegalArgumentException(forwarded.get() ? "post not stored here" : "post refused: its"
                        + " author is not followed here, or it failed the signature or sequence checks");
            }
            listener.received(post, push.depth(), outcome);
            holdReceipt(push, parent, me.get());
            return PushAnswer.encode(outcome);
        });
    }

    /** Handles a {@link murmur.timeline.link.LinkTypes#RECEIPT}: passes it up, or at the author's peer, to the sink. */
    public CompletableFuture<byte[]> onReceipt(InetSocketAddress remote, byte[] body) {
        ReceiptMessage receipt;
        try {
            receipt = ReceiptCodec.decode(body);
        } catch (MalformedInputException e) {
            LOG.warn("dropped a malformed receipt from {}: {}", remote, e.getMessage());
            return CompletableFuture.failedFuture(new IllegalArgumentException("malformed receipt: " + e.getMessage()));
        }
        Optional<Route> route = routes.get(routeKey(receipt.author(), receipt.device(), receipt.seq()));
        if (route.isEmpty()) {
            LOG.debug("receipt from {} for {}#{}, a post not relayed here lately", remote, receipt.author(),
                    receipt.seq());
        } else if (route.get().parent() != null) {
            receipts.add(route.get().parent(), receipt.author(), receipt.device(), receipt.seq(),
                    receipt.holders());
        } else {
            count(receipt, route.get());
        }
        return CompletableFuture.completedFuture(new byte[0]);
    }

    /**
     * Tells the sink about the holders in {@code receipt} of the local user's own post whose signature checks
     * against their pinned key: each follower in the tree is checked until it counts once, never again.
     */
    private void count(ReceiptMessage receipt, Route route) {
        Map<String, Held> fresh = new LinkedHashMap<>();
        for (Held h : receipt.holders()) {
            if (route.followers().contains(h.name()) && !route.counted().contains(h.name())) {
                fresh.putIfAbsent(h.name(), h);
            }
        }
        List<CompletableFuture<Optional<String>>> checks = fresh.values().stream()
                .map(h -> publicKey.apply(h.name()).exceptionally(e -> Optional.empty())
                        .thenApply(key -> key.filter(k -> Holding.verifies(k, receipt.author(), receipt.seq(),
                                route.postHash(), h.name(), h.signature())).map(k -> h.name())))
                .toList();
        CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new)).whenComplete((v, e) -> {
            List<String> good = new ArrayList<>();
            for (CompletableFuture<Optional<String>> c : checks) {
                c.getNow(Optional.empty()).filter(route.counted()::add).ifPresent(good::add);
            }
            if (good.size() < checks.size()) {
                counters.count(Kind.FORGED_RECEIPT, (checks.size() - good.size()) + " holders of "
                        + receipt.author() + "#" + receipt.seq() + " whose signature did not check");
            }
            if (!good.isEmpty()) {
                sink.delivered(receipt.author(), receipt.device(), receipt.seq(), good);
            }
        });
    }

    /** Passes a checked push on to the children, and notes where their receipts go. */
    private void forward(PushMessage push, List<PeerAddress> parent) {
        Post post = push.post();
        if (!parent.isEmpty()) {
            routes.put(routeKey(post.author(), post.device(), post.seq()), Route.via(parent));
        }
        forwarder.forwardRelayed(post, push.subtree(), push.depth(), push.degree()).whenComplete((report, e) -> {
            if (report != null && report.failed() > 0) {
                LOG.info("relayed {} to {} peers; {} did not take it", post, report.sent(), report.failed());
            }
        });
    }

    /**
     * Adds this peer's receipt for a stored push to what goes up to its parent. It is signed when its batch leaves
     * (Receipts), after the linger and the receipts of the subtree: on a busy peer the signature does not compete
     * with the pushes, and one message per peer goes up.
     */
    private void holdReceipt(PushMessage push, List<PeerAddress> parent, Holder me) {
        Post post = push.post();
        List<Hop> subtree = push.subtree();
        if (!parent.isEmpty() && subtree.get(0).name().equals(me.name())) {
            receipts.addOwn(parent, post, me, subtree.size(), FanoutTree.depth(subtree.size() - 1, push.degree()));
        }
    }

    /**
     * The most peers a real tree has at and below depth {@code depth}: in a heap of at most {@link #MAX_TREE}
     * entries a peer at depth d heads fewer than {@code MAX_TREE / 2^(d-1)} (an adopted orphan travels with its
     * dead parent's depth, one less than its own, so it stays within this too). In a wider tree, of degree b, a peer
     * at depth d heads fewer still, {@code MAX_TREE / b^(d-1)}, so the binary bound holds for every degree.
     */
    static int maxSubtree(int depth) {
        return Math.max(1, MAX_TREE >> Math.min(31, depth - 1));
    }

    /** Refusals of hostile routes, counted. */
    RouteCounters counters() {
        return counters;
    }

    private static String routeKey(String author, String device, long seq) {
        return author + "/" + device + "#" + seq;
    }

    /** Observes pushes as they are checked. */
    @FunctionalInterface
    public interface ReceiveListener {
        void received(Post post, int depth, Outcome outcome);
    }

    /**
     * Where receipts for a post go: up to {@code parent}, or (for the local user's post, whose hash the holders
     * sign) to the sink, once for each of the {@code followers} it was sent to.
     */
    private record Route(List<PeerAddress> parent, Set<String> followers, byte[] postHash, Set<String> counted) {
        static Route own(Set<String> followers, byte[] postHash) {
            return new Route(null, followers, postHash, ConcurrentHashMap.newKeySet());
        }

        static Route via(List<PeerAddress> parent) {
            return new Route(parent, Set.of(), null, Set.of());
        }
    }
}
