package murmur.timeline.dissemination;

import murmur.timeline.link.PeerAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import murmur.timeline.Post;
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
 */
final class Forwarder {
    private static final Logger LOG = LoggerFactory.getLogger(Forwarder.class);

    private final Direct direct;
    private final Retry retry;
    private final Supplier<String> selfAddress;

    Forwarder(Direct direct, Retry retry, Supplier<String> selfAddress) {
        this.direct = direct;
        this.retry = retry;
        this.selfAddress = selfAddress;
    }

    /** Sends to the children of {@code tree}'s entry 0, which is {@code depth} hops from the author. */
    CompletableFuture<FanoutReport> forward(Post post, List<Hop> tree, int depth) {
        Tally tally = new Tally();
        CompletableFuture<?>[] hops = FanoutTree.children(0, tree.size()).stream()
                .map(c -> deliver(post, tree, c, depth + 1, tally)).toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(hops).thenApply(v -> tally.report());
    }

    /** Sends the post to {@code tree}'s entry {@code index} with its subtree; adopts its children if that fails. */
    private CompletableFuture<Void> deliver(Post post, List<Hop> tree, int index, int depth, Tally tally) {
        List<Hop> subtree = FanoutTree.subtree(tree, index);
        Hop target = subtree.get(0);
        tally.sent.incrementAndGet();
        List<PeerAddress> to = PeerAddresses.parseAll(target.address());
        CompletableFuture<byte[]> sent = to.isEmpty()
                ? CompletableFuture.failedFuture(new IllegalArgumentException("bad address " + target.address()))
                : retry.run(() -> direct.request(to, LinkTypes.PUSH,
                        PushCodec.encode(new PushMessage(post, depth, selfAddress.get(), subtree))));
        return sent.handle((answer, failure) -> {
            if (failure == null) {
                return CompletableFuture.<Void>completedFuture(null);
            }
            tally.failed.incrementAndGet();
            List<Integer> orphans = FanoutTree.children(index, tree.size());
            LOG.info("{} did not take {} ({}); sending to its {} children instead", target.name(), post,
                    reason(failure), orphans.size());
            CompletableFuture<?>[] adopted = orphans.stream().map(c -> deliver(post, tree, c, depth, tally))
                    .toArray(CompletableFuture[]::new);
            return CompletableFuture.allOf(adopted);
        }).thenCompose(f -> f);
    }

    private static String reason(Throwable failure) {
        Throwable cause = failure.getCause() != null && !(failure instanceof LinkException) ? failure.getCause()
                : failure;
        return cause.getMessage();
    }

    /** Counts shared by one forwarding's hops. */
    private static final class Tally {
        private final AtomicInteger sent = new AtomicInteger();
        private final AtomicInteger failed = new AtomicInteger();

        FanoutReport report() {
            return new FanoutReport(sent.get(), failed.get());
        }
    }
}
