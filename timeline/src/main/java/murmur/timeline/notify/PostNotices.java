package murmur.timeline.notify;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import murmur.dht.SetEntry;
import murmur.timeline.Notification;
import murmur.timeline.Post;
import murmur.timeline.follow.FollowNotifier;
import murmur.timeline.identity.UserDirectory;
import murmur.timeline.records.Keys;
import murmur.timeline.records.PostNoticeValue;
import murmur.timeline.records.RecordWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the users a new post concerns: the author of the post it replies to ({@code REPLY}), reposts ({@code REPOST})
 * or quotes ({@code QUOTE}), and each registered user it names as {@code @name} ({@code MENTION}, at most
 * {@link #MAX_MENTIONS} per post); and the author of a post this user likes or no longer likes ({@code LIKE},
 * {@code UNLIKE}: a like is a signed notice to the author, who counts them). Each notice is a signed
 * entry in {@code notifications/<target>}, sent directly too when the target is online, like a follow notice; it
 * carries the post's place and opening words. Nobody is told about their own post, and nobody twice for one post.
 */
public final class PostNotices {
    /** Opening words a notice carries, in code points. */
    public static final int EXCERPT_CHARS = 140;
    /** Users one post can notify by mentioning them. */
    public static final int MAX_MENTIONS = 10;
    /** {@code @name} at the start or after a space or an opening bracket or quote: not inside a word or a URL. */
    private static final Pattern MENTION = Pattern.compile("(?<![^\\s(\\[{\"'])@([a-z0-9_]{3,20})(?![A-Za-z0-9_@])");
    private static final Logger LOG = LoggerFactory.getLogger(PostNotices.class);

    private final String me;
    private final RecordWriter writer;
    private final FollowNotifier notifier;
    private final UserDirectory users;
    private final Duration ttl;
    private final Clock clock;

    public PostNotices(String me, RecordWriter writer, FollowNotifier notifier, UserDirectory users, Duration ttl,
            Clock clock) {
        this.me = me;
        this.writer = writer;
        this.notifier = notifier;
        this.users = users;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** The names {@code text} mentions, in order of first mention, at most {@link #MAX_MENTIONS}. */
    public static Set<String> mentions(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = MENTION.matcher(text);
        while (m.find() && names.size() < MAX_MENTIONS) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Sends the notices {@code post}, just made by this user, calls for; completes when they are written. */
    public CompletableFuture<Void> sent(Post post) {
        if (post.isDelete()) {
            return CompletableFuture.completedFuture(null);
        }
        Set<String> told = new LinkedHashSet<>();
        told.add(me);
        CompletableFuture<?> reply = CompletableFuture.completedFuture(null);
        Notification.Kind kind = post.ref() == null ? null : switch (post.ref().kind()) {
            case REPLY -> Notification.Kind.REPLY;
            case REPOST -> Notification.Kind.REPOST;
            case QUOTE -> Notification.Kind.QUOTE;
            case DELETE -> null;
        };
        if (kind != null && told.add(post.ref().author())) {
            reply = tell(post.ref().author(), kind, post.device(), post.seq(), post.subject().text());
        }
        CompletableFuture<?>[] all = mentions(post.text()).stream().filter(told::add)
                .map(name -> tell(name, Notification.Kind.MENTION, post.device(), post.seq(), post.text()))
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(reply, CompletableFuture.allOf(all));
    }

    /** Tells the author of {@code post} (someone else) that this user likes it, or no longer does. */
    public CompletableFuture<Void> liked(Post post, boolean likes) {
        if (post.author().equals(me)) {
            return CompletableFuture.completedFuture(null);
        }
        return tell(post.author(), likes ? Notification.Kind.LIKE : Notification.Kind.UNLIKE, post.device(),
                post.seq(), post.text());
    }

    /**
     * One notice about the post at {@code device}/{@code seq}, only to a registered user; a failure is logged, never
     * thrown.
     */
    private CompletableFuture<Void> tell(String target, Notification.Kind kind, String device, long seq,
            String words) {
        return users.publicKey(target).thenCompose(key -> {
            if (key.isEmpty()) {
                LOG.debug("{} is not registered: no {} notice", target, kind);
                return CompletableFuture.<Void>completedFuture(null);
            }
            SetEntry notice = writer.signEntry(Keys.notifications(target), new PostNoticeValue(kind.name(), me,
                    clock.millis(), device, seq, excerpt(words)), ttl);
            notifier.tell(target, notice);
            return writer.putSigned(notice).thenApply(r -> (Void) null);
        }).exceptionally(e -> {
            LOG.info("no {} notice for {} about {}#{}: {}", kind, target, device, seq, e.getMessage());
            return null;
        });
    }

    static String excerpt(String text) {
        return text.codePointCount(0, text.length()) <= EXCERPT_CHARS ? text
                : text.substring(0, text.offsetByCodePoints(0, EXCERPT_CHARS - 1)) + "…";
    }
}
