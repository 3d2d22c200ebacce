package murmur.timeline.dissemination;

import murmur.timeline.link.PeerAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
import murmur.timeline.records.DevicesValue;
import murmur.timeline.session.Direct;
import murmur.transport.MalformedInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches what a user missed of the authors it follows: per log of the author (one per device), compares the end of
 * the unbroken run of posts held (so a post missing in the middle is fetched too, not only the newest ones) with
 * {@code feed/<author>}, then asks the author's peer, or when the author is offline (or had less) online followers
 * of the author, for every post after it, page by page. When {@code feed/<author>} cannot be read, each source is
 * first asked which of the author's logs it holds. Every post passes the {@link Intake}, so any source will do. One
 * run takes at most {@link Limits#maxPages()} pages and {@link Limits#maxPosts()} posts per author, all logs and
 * sources together: a log
 * that jumps from #1 to #1,000,000 is fetched a bounded slice per run, never without end; a run cut that way is
 * logged and counted ({@link #cut()}).
 */
final class CatchUp {
    private static final Logger LOG = LoggerFactory.getLogger(CatchUp.class);
    /** Logs one author can have: a device list's worth, and the legacy log. */
    private static final int MAX_LOGS = DevicesValue.MAX_DEVICES + 1;

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

    /**
     * Catches {@code user} up on the user's own logs, asking {@code devices} (the addresses of the user's other
     * devices online) before the followers; completes with how many posts were stored.
     */
    CompletableFuture<Integer> own(String user, List<String> devices) {
        return author(user, user, devices).exceptionally(e -> {
            LOG.info("catching up on {}'s own logs stopped: {}", user, e.getMessage());
            return 0;
        });
    }

    private CompletableFuture<Integer> author(String user, String author) {
        return author(user, author, List.of());
    }

    private CompletableFuture<Integer> author(String user, String author, List<String> devices) {
        boolean own = author.equals(user);
        return feeds.heads(author).thenCombine(store.contiguousHeads(author, own),
                (published, held) -> new CatchUpProgress(author, held, published, own))
                .thenCompose(p -> p.upToDate() && devices.isEmpty() ? CompletableFuture.completedFuture(p)
                        : fromEach(devices, p).thenCompose(v -> fromAuthor(p))
                                .thenCompose(v -> p.behind() ? fromLogDevices(p) : CompletableFuture.completedFuture(p))
                                .thenCompose(v -> p.behind() ? fromFollowers(user, p)
                                        : CompletableFuture.completedFuture(p)))
                .thenApply(p -> {
                    if (p.cut()) {
                        cut.incrementAndGet();
                        LOG.warn("catching up on {} for {} cut after {} pages and {} posts stored, at {}; the rest"
                                + " waits for the next catch-up", author, user, p.pages(), p.stored(), p);
                    }
                    return p.stored();
                });
    }

    private CompletableFuture<CatchUpProgress> fromEach(List<String> sources, CatchUpProgress p) {
        CompletableFuture<CatchUpProgress> done = CompletableFuture.completedFuture(p);
        for (String source : sources) {
            done = done.thenCompose(q -> from(source, q, true));
        }
        return done;
    }

    private CompletableFuture<CatchUpProgress> fromAuthor(CatchUpProgress p) {
        return directory.onlineAddress(p.author()).thenCompose(a -> a.isPresent() ? from(a.get(), p, false)
                : CompletableFuture.completedFuture(p));
    }

    /** For each log still behind, the device that writes it, if online: it holds that whole log. */
    private CompletableFuture<CatchUpProgress> fromLogDevices(CatchUpProgress p) {
        CompletableFuture<CatchUpProgress> done = CompletableFuture.completedFuture(p);
        for (String device : p.behindDevices()) {
            if (device.equals(Post.LEGACY_DEVICE)) {
                continue;
            }
            done = done.thenCompose(q -> !q.behind() ? CompletableFuture.completedFuture(q)
                    : directory.onlineAddress(q.author(), device).exceptionally(e -> Optional.empty())
                            .thenCompose(a -> a.isPresent() ? from(a.get(), q, false)
                                    : CompletableFuture.completedFuture(q)));
        }
        return done;
    }

    private CompletableFuture<CatchUpProgress> fromFollowers(String user, CatchUpProgress p) {
        return directory.onlineFollowers(p.author()).thenCompose(hops -> {
            List<Hop> sources = new ArrayList<>(hops.stream().filter(h -> !h.name().equals(user)).toList());
            Collections.shuffle(sources);
            CompletableFuture<CatchUpProgress> done = CompletableFuture.completedFuture(p);
            for (Hop source : sources.subList(0, Math.min(sources.size(), settings.maxSources()))) {
                done = done.thenCompose(q -> q.behind() ? from(source.address(), q, false)
                        : CompletableFuture.completedFuture(q));
            }
            return done;
        });
    }

    /**
     * Pages through one source until it has nothing more, log after log; a failing source is logged and left. When
     * the author's logs are not all known, or {@code probe} asks for it (a device of the user's, whose own log may be
     * ahead of {@code feed/}), the source is first asked (a page of no posts) which logs it holds.
     */
    private CompletableFuture<CatchUpProgress> from(String address, CatchUpProgress p, boolean probe) {
        List<PeerAddress> to = PeerAddresses.parseAll(address);
        if (to.isEmpty()) {
            return CompletableFuture.completedFuture(p);
        }
        CompletableFuture<Void> start = (probe || p.needsProbe()) && p.askPage(limits)
                ? fetch(to, p, Post.LEGACY_DEVICE, 0).thenAccept(page -> learnHeads(page, p))
                : CompletableFuture.completedFuture(null);
        return start.thenCompose(v -> logs(to, p, new HashSet<>())).handle((v, e) -> {
            if (e != null) {
                LOG.info("{} stopped serving the catch-up on {}: {}", address, p.author(), e.getMessage());
            }
            return p;
        });
    }

    /** Pages through each log not {@code done} yet, including logs the source's answers name on the way. */
    private CompletableFuture<Void> logs(List<PeerAddress> to, CatchUpProgress p, Set<String> done) {
        p.startNearTheEnd(settings.recentPosts());
        Optional<String> next = p.devices().stream().filter(d -> !done.contains(d)).findFirst();
        if (next.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        done.add(next.get());
        return pages(to, p, next.get()).thenCompose(v -> logs(to, p, done));
    }

    private CompletableFuture<Void> pages(List<PeerAddress> to, CatchUpProgress p, String device) {
        if (!p.wantsMore(device) || !p.askPage(limits)) {
            return CompletableFuture.completedFuture(null);
        }
        return fetch(to, p, device, Math.min(settings.pageSize(), p.postsLeft(limits)))
                .thenCompose(page -> take(page, p, device))
                .thenCompose(progressed -> progressed ? pages(to, p, device) : CompletableFuture.completedFuture(null));
    }

    private CompletableFuture<FetchPage> fetch(List<PeerAddress> to, CatchUpProgress p, String device, int limit) {
        LogPosition from = new LogPosition(p.author(), device, p.held(device));
        byte[] body = FetchCodec.encode(new FetchRequest(List.of(from), limit));
        return direct.request(to, LinkTypes.FETCH, body).thenApply(answer -> {
            try {
                return FetchCodec.decodePage(answer);
            } catch (MalformedInputException e) {
                throw new CompletionException(new IllegalArgumentException("malformed page: " + e.getMessage()));
            }
        });
    }

    /** Stores a page's posts of one log in order; true if the log moved on and the source was honest so far. */
    private CompletableFuture<Boolean> take(FetchPage page, CatchUpProgress p, String device) {
        learnHeads(page, p);
        long before = p.held(device);
        List<Post> posts = page.posts().stream()
                .filter(x -> x.author().equals(p.author()) && x.device().equals(device) && x.seq() > before)
                .sorted(Comparator.comparingLong(Post::seq)).limit(p.postsLeft(limits)).toList();
        CompletableFuture<Boolean> honest = CompletableFuture.completedFuture(true);
        for (Post post : posts) {
            honest = honest.thenCompose(ok -> !ok ? CompletableFuture.completedFuture(false)
                    : intake.accept(post).thenApply(outcome -> {
                        if (outcome == Outcome.REJECTED) {
                            return false;
                        }
                        p.took(device, post.seq(), outcome == Outcome.STORED);
                        return true;
                    }));
        }
        return honest.thenApply(ok -> ok && p.held(device) > before);
    }

    /** The source's heads of the author's logs; at most one per device (a device the account lists at most). */
    private static void learnHeads(FetchPage page, CatchUpProgress p) {
        page.heads().stream().filter(h -> h.author().equals(p.author())).limit(MAX_LOGS)
                .forEach(h -> p.sourceHas(h.device(), h.seq()));
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

    /** Where each of an author's logs ends, as the author published it ({@link FeedHeads} in production). */
    @FunctionalInterface
    interface Heads {
        CompletableFuture<Optional<Map<String, Long>>> heads(String author);
    }
}
