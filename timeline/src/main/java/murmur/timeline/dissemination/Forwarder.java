package murmur.timeline.dissemination;

import murmur.timeline.link.PeerAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import murmur.timeline.Post;
import murmur.timeline.dissemination.RouteCounters.Kind;
import murmur.timeline.link.LinkException;
import murmur.timeline.link.LinkTypes;
import murmur.timeline.link.Retry;
import murmur.timeline.presence.PeerAddresses;
import murmur.timeline.session.Direct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passes a post to the children of entry 0 of a tree. A child that still fails after the retries (or refuses the
 * post) is skipped and its children are sent to instead, and so on down, so one dead peer never cuts off the
 * followers below it.
 *
 * <p>The tree of a relayed push is not signed: whoever sent it chose its names and addresses. So for a relayed
 * push only {@link #MAX_ADOPTED} failed children have their children adopted (without the cap, one push listing
 * 50,000 dead addresses cost 150,000 connection attempts), an adopted orphan is dialed only where its own signed
 * presence says it listens (never where the push says), and no address that is not one to connect to is dialed.
 * Followers the cap leaves out miss the push and fetch the post by catch-up. The author's own tree, built from
 * signed presence a moment ago, is forwarded without these limits.
 */
final class Forwarder {
    /** Failed children whose children one relayed push may make this peer adopt. */
    static final int MAX_ADOPTED = 8;
    private static final Logger LOG = LoggerFactory.getLogger(Forwarder.class);

    private final Direct direct;
    private final Retry retry;
    private final Supplier<String> selfAddress;
    private final Function<String, CompletableFuture<Optional<String>>> verifiedAddress;
    private final RouteCounters counters;

    /**
     * @param verifiedAddress where a user's peer listens, as that user's signed presence says (comma-joined), empty
     *                        when offline or unknown
     */
    Forwarder(Direct direct, Retry retry, Supplier<String> selfAddress,
            Function<String, CompletableFuture<Optional<String>>> verifiedAddress, RouteCounters counters) {
        this.direct = direct;
        this.retry = retry;
        this.selfAddress = selfAddress;
        this.verifiedAddress = verifiedAddress;
        this.counters = counters;
    }

    /** Sends the local user's own post down {@code tree} of degree {@code degree}, whose entry 0 is this peer. */
    CompletableFuture<FanoutReport> forwardOwn(Post post, List<Hop> tree, int degree) {
        return forward(post, tree, 0, new Tally(Integer.MAX_VALUE, false, degree));
    }

    /**
     * Sends a relayed post to the children of {@code tree}'s entry 0, which is {@code depth} hops from the author, in
     * a tree of the author's {@code degree}.
     */
    CompletableFuture<FanoutReport> forwardRelayed(Post post, List<Hop> tree, int depth, int degree) {
        return forward(post, tree, depth, new Tally(MAX_ADOPTED, true, degree));
    }

    private CompletableFuture<FanoutReport> forward(Post post, List<Hop> tree, int depth, Tally tally) {
        CompletableFuture<?>[] hops = FanoutTree.children(0, tree.size(), tally.degree).stream()
                .map(c -> deliver(post, tree, c, depth + 1, tally, false)).toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(hops).thenApply(v -> tally.report());
    }

    /** Sends the post to {@code tree}'s entry {@code index} with its subtree; adopts its children if that fails. */
    private CompletableFuture<Void> deliver(Post post, List<Hop> tree, int index, int depth, Tally tally,
            boolean orphan) {
        Hop target = tree.get(index);
        tally.sent.incrementAndGet();
        return addressOf(target, orphan && tally.verifyOrphans).thenCompose(to -> {
            CompletableFuture<byte[]> sent = to.isEmpty()
                    ? CompletableFuture.failedFuture(new IllegalArgumentException("no address to dial"))
                    : retry.run(() -> direct.request(to, LinkTypes.PUSH, PushCodec.encode(
                            new PushMessage(post, depth, selfAddress.get(),
                                    FanoutTree.subtree(tree, index, tally.degree), tally.degree))));
            return sent.handle((answer, failure) -> {
                if (failure == null) {
                    return CompletableFuture.<Void>completedFuture(null);
                }
                tally.failed.incrementAndGet();
                List<Integer> orphans = FanoutTree.children(index, tree.size(), tally.degree);
                if (orphans.isEmpty()) {
                    return CompletableFuture.<Void>completedFuture(null);
                }
                if (!tally.adopt()) {
                    counters.count(Kind.ADOPTION_CAP, "a push of " + post + " failed at more than " + MAX_ADOPTED
                            + " peers; the children of " + target.name() + " were not adopted");
                    return CompletableFuture.<Void>completedFuture(null);
                }
                LOG.info("{} did not take {} ({}); sending to its {} children instead", target.name(), post,
                        reason(failure), orphans.size());
                CompletableFuture<?>[] adopted = orphans.stream()
                        .map(c -> deliver(post, tree, c, depth, tally, true)).toArray(CompletableFuture[]::new);
                return CompletableFuture.allOf(adopted);
            }).thenCompose(f -> f);
        });
    }

    /** Where to dial {@code hop}: the tree's address, or for an adopted orphan of a relayed push its presence's. */
    private CompletableFuture<List<PeerAddress>> addressOf(Hop hop, boolean verify) {
        if (!verify) {
            return CompletableFuture.completedFuture(dialable(hop.name(), hop.address()));
        }
        return verifiedAddress.apply(hop.name()).exceptionally(e -> Optional.empty()).thenApply(a -> {
            if (a.isEmpty()) {
                counters.count(Kind.UNVERIFIED_ORPHAN, hop.name() + " has no signed presence; not dialed");
                return List.of();
            }
            return dialable(hop.name(), a.get());
        });
    }

    private List<PeerAddress> dialable(String name, String joined) {
        List<PeerAddress> to = PeerAddresses.parseDialable(joined);
        if (to.isEmpty()) {
            counters.count(Kind.UNDIALABLE_ADDRESS, "no address to dial for " + name + " in '" + joined + "'");
        }
        return to;
    }

    private static String reason(Throwable failure) {
        Throwable cause = failure.getCause() != null && !(failure instanceof LinkException) ? failure.getCause()
                : failure;
        return cause.getMessage();
    }

    /** Counts shared by one forwarding's hops, what it may still adopt, and the degree of its tree. */
    private static final class Tally {
        private final AtomicInteger sent = new AtomicInteger();
        private final AtomicInteger failed = new AtomicInteger();
        private final AtomicInteger adoptions;
        private final boolean verifyOrphans;
        private final int degree;

        Tally(int adoptions, boolean verifyOrphans, int degree) {
            this.adoptions = new AtomicInteger(adoptions);
            this.verifyOrphans = verifyOrphans;
            this.degree = degree;
        }

        boolean adopt() {
            return adoptions.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        }

        FanoutReport report() {
            return new FanoutReport(sent.get(), failed.get());
        }
    }
}
