package murmur.timeline.dissemination;

import murmur.timeline.link.PeerAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import murmur.timeline.Post;
import murmur.timeline.link.LinkTypes;
import murmur.timeline.post.PostIntake.Outcome;
import murmur.timeline.post.PostStore;
import murmur.timeline.presence.PeerAddresses;
import murmur.timeline.session.Direct;
import murmur.transport.MalformedInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches what a user missed of the authors it follows: compares the end of the unbroken run of posts held (so a
 * post missing in the middle is fetched too, not only the newest ones) with {@code feed/<author>}, then asks the
 * author's peer, or when the author is offline (or had less) online followers of the author, for every post after
 * it, page by page. Every post passes the {@link Intake}, so any source will do. One run takes at most
 * {@link Limits#maxPages()} pages and {@link Limits#maxPosts()} posts per author, from all sources together: a log
 * that jumps from #1 to #1,000,000 is fetched a bounded slice per run, never without end; a run cut that way is
 * logged and counted ({@link #cut()}).
 */
final class CatchUp {
    private static final Logger LOG = LoggerFactory.getLogger(CatchUp.class);

    private final Direct direct;
    private final PostStore store;
    private final Intake intake;
    private final PeerDirectory directory;
    private final Heads feeds;
    private final FanoutSettings settings;
    private final Limits limits;
    private final AtomicLong cut = new AtomicLong();

    CatchUp(Direct direct, PostStore store, Intake intake, PeerDirectory directory, Heads feeds,
            FanoutSettings settings) {
        this(direct, store, intake, directory, feeds, settings, Limits.DEFAULT);
    }

    CatchUp(Direct direct, PostStore store, Intake intake, PeerDirectory directory, Heads feeds,
            FanoutSettings settings, Limits limits) {
        this.limits = limits;
        this.direct = direct;
        this.store = store;
        this.intake = intake;
        this.directory = directory;
        this.feeds = feeds;
        this.settings = settings;
    }

    /** How many author catch-ups stopped at their bound with posts still missing. */
    long cut() {
        return cut.get();
    }

    /**
     * Catches {@code user} up on {@code authors}; completes with how many posts were stored. {@code authors} may
     * name the user: a device signing in on an empty data directory fetches the user's own log from the user's other
     * peer or the followers, as it does any author's.
     */
    CompletableFuture<Integer> run(String user, Set<String> authors) {
        List<CompletableFuture<Integer>> each = authors.stream()
                .map(a -> author(user, a).exceptionally(e -> {
                    LOG.info("catching up on {} for {} stopped: {}", a, user, e.getMessage());
                    return 0;
                })).toList();
        return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
                .thenApply(v -> each.stream().mapToInt(CompletableFuture::join).sum());
    }

    private CompletableFuture<Integer> author(String user, String author) {
        return feeds.lastSeq(author).thenCombine(store.contiguousSeq(author),
                (head, held) -> new CatchUpProgress(author, held, head.orElse(0L), head.isPresent()))
                .thenCompose(p -> p.targetKnown() && !p.behind() ? CompletableFuture.completedFuture(p)
                        : fromAuthor(p).thenCompose(v -> p.behind() ? fromFollowers(user, p)
                                : CompletableFuture.completedFuture(p)))
                .thenApply(p -> {
                    if (p.cut()) {
                        cut.incrementAndGet();
                        LOG.warn("catching up on {} for {} cut after {} pages and {} posts stored, at #{}; the rest"
                                + " waits for the next catch-up", author, user, p.pages(), p.stored(), p.held());
                    }
                    return p.stored();
                });
    }

    private CompletableFuture<CatchUpProgress> fromAuthor(CatchUpProgress p) {
        return directory.onlineAddress(p.author()).thenCompose(a -> a.isPresent() ? from(a.get(), p)
                : CompletableFuture.completedFuture(p));
    }

    private CompletableFuture<CatchUpProgress> fromFollowers(String user, CatchUpProgress p) {
        return directory.onlineFollowers(p.author()).thenCompose(hops -> {
            List<Hop> sources = new ArrayList<>(hops.stream().filter(h -> !h.name().equals(user)).toList());
            Collections.shuffle(sources);
            CompletableFuture<CatchUpProgress> done = CompletableFuture.completedFuture(p);
            for (Hop source : sources.subList(0, Math.min(sources.size(), settings.maxSources()))) {
                done = done.thenCompose(q -> q.behind() ? from(source.address(), q)
                        : CompletableFuture.completedFuture(q));
            }
            return done;
        });
    }

    /** Pages through one source until it has nothing more; a failing source is logged and left. */
    private CompletableFuture<CatchUpProgress> from(String address, CatchUpProgress p) {
        List<PeerAddress> to = PeerAddresses.parseAll(address);
        if (to.isEmpty()) {
            return CompletableFuture.completedFuture(p);
        }
        CompletableFuture<Void> start = p.held() == 0 && !p.targetKnown() && p.askPage(limits)
                ? fetch(to, p, 0).thenAccept(page -> learnHeads(page, p))
                : CompletableFuture.completedFuture(null);
        return start.thenRun(() -> p.startNearTheEnd(settings.recentPosts()))
                .thenCompose(v -> pages(to, p))
                .handle((v, e) -> {
                    if (e != null) {
                        LOG.info("{} stopped serving the catch-up on {}: {}", address, p.author(), e.getMessage());
                    }
                    return p;
                });
    }

    private CompletableFuture<Void> pages(List<PeerAddress> to, CatchUpProgress p) {
        if (!p.wantsMore() || !p.askPage(limits)) {
            return CompletableFuture.completedFuture(null);
        }
        return fetch(to, p, Math.min(settings.pageSize(), p.postsLeft(limits))).thenCompose(page -> take(page, p))
                .thenCompose(progressed -> progressed ? pages(to, p) : CompletableFuture.completedFuture(null));
    }

    private CompletableFuture<FetchPage> fetch(List<PeerAddress> to, CatchUpProgress p, int limit) {
        byte[] body = FetchCodec.encode(new FetchRequest(List.of(new LogPosition(p.author(), p.held())), limit));
        return direct.request(to, LinkTypes.FETCH, body).thenApply(answer -> {
            try {
                return FetchCodec.decodePage(answer);
            } catch (MalformedInputException e) {
                throw new CompletionException(new IllegalArgumentException("malformed page: " + e.getMessage()));
            }
        });
    }

    /** Stores a page's posts in order; true if the log moved on and the source was honest so far. */
    private CompletableFuture<Boolean> take(FetchPage page, CatchUpProgress p) {
        learnHeads(page, p);
        long before = p.held();
        List<Post> posts = page.posts().stream().filter(x -> x.author().equals(p.author()) && x.seq() > before)
                .sorted(Comparator.comparingLong(Post::seq)).limit(p.postsLeft(limits)).toList();
        CompletableFuture<Boolean> honest = CompletableFuture.completedFuture(true);
        for (Post post : posts) {
            honest = honest.thenCompose(ok -> !ok ? CompletableFuture.completedFuture(false)
                    : intake.accept(post).thenApply(outcome -> {
                        if (outcome == Outcome.REJECTED) {
                            return false;
                        }
                        p.took(post.seq(), outcome == Outcome.STORED);
                        return true;
                    }));
        }
        return honest.thenApply(ok -> ok && p.held() > before);
    }

    private static void learnHeads(FetchPage page, CatchUpProgress p) {
        page.heads().stream().filter(h -> h.author().equals(p.author())).forEach(h -> p.sourceHas(h.seq()));
    }

    /**
     * The bound on one catch-up of one author.
     *
     * @param maxPages pages asked for, from every source together
     * @param maxPosts posts taken (new or already held)
     */
    record Limits(int maxPages, int maxPosts) {
        /** 40 pages, 1000 posts: twenty full pages of 50, with room for sources that send short ones. */
        static final Limits DEFAULT = new Limits(40, 1000);

        Limits {
            if (maxPages < 1 || maxPosts < 1) {
                throw new IllegalArgumentException("a catch-up takes at least one page and one post");
            }
        }
    }

    /** Where an author's log ends, as the author published it ({@link FeedHeads} in production). */
    @FunctionalInterface
    interface Heads {
        CompletableFuture<Optional<Long>> lastSeq(String author);
    }
}
