package murmur.timeline.session;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import murmur.timeline.Post;
import murmur.timeline.TimelineEntry;
import murmur.timeline.observe.Live;
import murmur.timeline.observe.LiveValue;
import murmur.timeline.post.Likes;
import murmur.timeline.post.PostStore;

/**
 * The home timeline as a live list: re-read from disk whenever a post arrives, the follow list changes or posts
 * are collected. Bursts of changes coalesce into one re-read at a time.
 */
final class TimelineView {
    static final int SHOWN = 500;

    private final String me;
    private final PostStore store;
    private final Supplier<Set<String>> following;
    private final LiveValue<List<TimelineEntry>> entries = new LiveValue<>(List.of());
    private final AtomicBoolean dirty = new AtomicBoolean();
    private CompletableFuture<Void> running = CompletableFuture.completedFuture(null);

    private final Likes likes;

    TimelineView(String me, PostStore store, Likes likes, Supplier<Set<String>> following) {
        this.me = me;
        this.store = store;
        this.likes = likes;
        this.following = following;
    }

    Live<List<TimelineEntry>> entries() {
        return entries;
    }

    /** Re-reads soon; completes when a re-read that started after this call has finished. */
    synchronized CompletableFuture<Void> refresh() {
        dirty.set(true);
        running = running.handle((v, e) -> null).thenCompose(v -> dirty.getAndSet(false) ? reread()
                : CompletableFuture.completedFuture(null));
        return running;
    }

    private CompletableFuture<Void> reread() {
        Set<String> authors = new HashSet<>(following.get());
        authors.add(me);
        return store.timeline(authors, SHOWN).thenCompose(posts -> {
            // Likes count for what a row shows: a repost's original, whose author may be followed by nobody here.
            Set<String> shownAuthors = new HashSet<>();
            posts.forEach(p -> shownAuthors.add(p.subject().author()));
            return store.deliveryCounts(me).thenApply(delivered -> entriesOf(posts, delivered))
                    .thenCombine(store.replyCounts(authors), TimelineView::withReplies)
                    .thenCombine(likes.of(me, shownAuthors), TimelineView::withLikes);
        }).thenAccept(entries::set);
    }

    private static List<TimelineEntry> withLikes(List<TimelineEntry> entries, Likes.Counts counts) {
        return entries.stream().map(e -> {
            PostStore.Place liked = PostStore.Place.of(e.post().subject());
            return new TimelineEntry(e.post(), e.deliveredTo(), e.replies(), counts.likes().getOrDefault(liked, 0),
                    counts.mine().contains(liked));
        }).toList();
    }

    private List<TimelineEntry> entriesOf(List<Post> posts, Map<PostStore.LogSeq, Integer> delivered) {
        return posts.stream().map(p -> new TimelineEntry(p,
                p.author().equals(me) ? delivered.getOrDefault(PostStore.LogSeq.of(p), 0) : 0)).toList();
    }

    private static List<TimelineEntry> withReplies(List<TimelineEntry> entries, Map<PostStore.Place, Integer> counts) {
        return entries.stream().map(e -> new TimelineEntry(e.post(), e.deliveredTo(),
                counts.getOrDefault(PostStore.Place.of(e.post()), 0))).toList();
    }
}
