package murmur.timeline.post;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import murmur.dht.SigningKey;
import murmur.timeline.Post;
import murmur.timeline.PostRef;
import murmur.timeline.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deletes drop a post's text but keep its place in the log; replies are found by the post they name. */
class DeleteAndReplyStoreTest {
    private static final String PHONE = "0123456789abcdef";
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final SigningKey key = SigningKey.generate();
    private final List<Post> log = new ArrayList<>();
    private final PostRules rules = new PostRules(280, Duration.ofMinutes(5));

    private Post next(String text, PostRef ref) {
        Post last = log.isEmpty() ? null : log.get(log.size() - 1);
        Post p = Post.sign(key, "ada", PHONE, log.size() + 1L, last == null ? new byte[Post.HASH_BYTES] : last.hash(),
                T0.plusSeconds(log.size()), text, ref);
        log.add(p);
        return p;
    }

    @Test
    void aDeleteDropsTheTextAndKeepsThePlace(@TempDir Path dir) {
        try (Database db = Database.open(dir)) {
            PostStore store = new PostStore(db);
            Post first = next("first", null);
            Post secret = next("oops, my phone number", null);
            Post delete = next("", PostRef.to(PostRef.Kind.DELETE, secret));
            Post after = next("after", null);
            for (Post p : log) {
                assertThat(rules.problem(p, key.publicKey(), T0)).isEmpty();
                assertThat(store.add(p, 0).join()).isTrue();
            }

            assertThat(store.timeline(List.of("ada"), 10).join()).containsExactly(after, first);
            assertThat(store.byAuthor("ada", 10).join()).containsExactly(after, first);
            assertThat(store.isDeleted("ada", PHONE, 2).join()).isTrue();
            assertThat(store.contiguousHeads("ada").join()).as("a deleted place is not a hole")
                    .containsExactly(Map.entry(PHONE, 4L));
            assertThat(store.after("ada", PHONE, 0, 10).join()).as("the delete stands in for the deleted post")
                    .containsExactly(first, delete, after);
            assertThat(store.after("ada", PHONE, 0, 2).join()).containsExactly(first, delete);
            assertThat(db.read(c -> c.createStatement().executeQuery("SELECT COUNT(*) FROM posts WHERE text LIKE"
                    + " '%phone%'").getInt(1)).join()).as("the text is gone from the file").isZero();
        }
    }

    @Test
    void aDeleteThatComesFirstHoldsThePlaceAndThePostIsRefusedLater(@TempDir Path dir) {
        try (Database db = Database.open(dir)) {
            PostStore store = new PostStore(db);
            Post first = next("first", null);
            Post secret = next("secret", null);
            Post delete = next("", PostRef.to(PostRef.Kind.DELETE, secret));
            store.add(delete, 0).join();
            store.add(first, 0).join();

            assertThat(store.add(secret, 0).join()).as("its place is taken by the mark").isFalse();
            assertThat(store.contiguousHeads("ada").join()).containsExactly(Map.entry(PHONE, 3L));
            assertThat(store.timeline(List.of("ada"), 10).join()).containsExactly(first);
            assertThat(store.latest("ada", PHONE).join()).contains(delete);
        }
    }

    @Test
    void repliesAreFoundByThePostTheyNameOldestFirst(@TempDir Path dir) {
        try (Database db = Database.open(dir)) {
            PostStore store = new PostStore(db);
            Post parent = next("what do you think?", null);
            Post other = next("unrelated", null);
            Post r1 = next("yes", PostRef.to(PostRef.Kind.REPLY, parent));
            Post r2 = next("and more", PostRef.to(PostRef.Kind.REPLY, parent));
            log.forEach(p -> store.add(p, 0).join());

            assertThat(store.replies(PostRef.to(PostRef.Kind.REPLY, parent)).join()).containsExactly(r1, r2);
            assertThat(store.replies(PostRef.to(PostRef.Kind.REPLY, other)).join()).isEmpty();
            assertThat(store.replyCounts(List.of("ada")).join())
                    .containsExactly(Map.entry(PostStore.Place.of(parent), 2));
            assertThat(store.byAuthor("ada", 10).join().get(0).ref()).as("the reference survives the disk")
                    .isEqualTo(r2.ref());
            store.add(next("", PostRef.to(PostRef.Kind.DELETE, r1)), 0).join();
            assertThat(store.replies(PostRef.to(PostRef.Kind.REPLY, parent)).join()).containsExactly(r2);
        }
    }

    @Test
    void aDeleteWithTextOrOfSomeoneElsesPostIsRefused() {
        Post mine = next("mine", null);
        Post withText = next("gone", PostRef.to(PostRef.Kind.DELETE, mine));
        assertThat(rules.problem(withText, key.publicKey(), T0)).contains("a delete has no text");
        Post bobs = Post.sign(key, "bob", PHONE, 1, new byte[Post.HASH_BYTES], T0, "bob's");
        Post ofBob = next("", PostRef.to(PostRef.Kind.DELETE, bobs));
        assertThat(rules.problem(ofBob, key.publicKey(), T0)).contains("a delete may name only its author's own posts");
    }
}
