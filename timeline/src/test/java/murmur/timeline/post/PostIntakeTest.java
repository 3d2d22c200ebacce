package murmur.timeline.post;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import murmur.config.SettingsLoader;
import murmur.dht.node.DhtNode;
import murmur.dht.SigningKey;
import murmur.timeline.Post;
import murmur.timeline.identity.UserDirectory;
import murmur.timeline.post.PostIntake.Outcome;
import murmur.timeline.store.Database;
import murmur.dht.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostIntakeTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private final SigningKey alice = SigningKey.generate();
    private final SigningKey mallory = SigningKey.generate();
    private final TestClock clock = new TestClock(NOW);
    private final AtomicInteger stored = new AtomicInteger();
    private Database db;
    private DhtNode offline;
    private PostStore store;
    private PostIntake intake;

    @BeforeEach
    void setUp(@TempDir Path dir) {
        db = Database.open(dir);
        store = new PostStore(db);
        offline = DhtNode.builder().settings(SettingsLoader.defaults().dht()).build();
        offline.start().join();
        UserDirectory users = new UserDirectory(offline, db);
        users.pin("alice", alice.publicKey()).join();
        intake = new PostIntake(users, new PostRules(50, Duration.ofMinutes(2)), store, clock, stored::incrementAndGet);
    }

    @AfterEach
    void tearDown() {
        offline.stop().join();
        db.close();
    }

    @Test
    void aGenuinePostIsStoredOnceAndAReplayIsADuplicate() {
        Post p = Post.sign(alice, "alice", 1, new byte[32], NOW, "hi");
        assertThat(intake.accept(p).join()).isEqualTo(Outcome.STORED);
        assertThat(intake.accept(p).join()).isEqualTo(Outcome.DUPLICATE);
        assertThat(stored).hasValue(1);
        assertThat(store.heads("alice").join()).containsExactly(Map.entry(Post.LEGACY_DEVICE, 1L));
    }

    @Test
    void aPostIsPassedOnOnceItPassedTheChecksBeforeItIsStoredAndAForgedOneNever() {
        // The store runs its work in order on one thread (which may be the one running the callback, so it must not
        // wait there): a read asked for when the post is passed on sees the store as it was before the write.
        List<CompletableFuture<Map<String, Long>>> headsWhenPassedOn = new ArrayList<>();
        Post genuine = Post.sign(alice, "alice", 1, new byte[32], NOW, "hi");
        Post forged = Post.sign(mallory, "alice", 2, genuine.hash(), NOW, "I am alice");

        assertThat(intake.accept(forged, () -> headsWhenPassedOn.add(store.heads("alice"))).join())
                .isEqualTo(Outcome.REJECTED);
        assertThat(headsWhenPassedOn).as("a forged post is never passed on").isEmpty();
        assertThat(intake.accept(genuine, () -> headsWhenPassedOn.add(store.heads("alice"))).join())
                .isEqualTo(Outcome.STORED);

        assertThat(headsWhenPassedOn).as("passed on once, while nothing of alice was stored yet").hasSize(1);
        assertThat(headsWhenPassedOn.get(0).join()).isEmpty();
        assertThat(store.heads("alice").join()).containsExactly(Map.entry(Post.LEGACY_DEVICE, 1L));
    }

    @Test
    void aPostSignedByAnotherKeyIsRejected() {
        Post forged = Post.sign(mallory, "alice", 1, new byte[32], NOW, "I am alice");
        assertThat(intake.accept(forged).join()).isEqualTo(Outcome.REJECTED);
        assertThat(store.heads("alice").join()).isEmpty();
    }

    @Test
    void anAlteredPostIsRejected() {
        Post p = Post.sign(alice, "alice", 1, new byte[32], NOW, "pay bob 1");
        Post altered = new Post(p.author(), p.seq(), p.prevHash(), p.timestampMillis(), "pay bob 9", p.signature());
        assertThat(intake.accept(altered).join()).isEqualTo(Outcome.REJECTED);
    }

    @Test
    void postsFromUnknownAuthorsFarFutureOrTooLongAreRejected() {
        assertThat(intake.accept(Post.sign(mallory, "mallory", 1, new byte[32], NOW, "x")).join())
                .isEqualTo(Outcome.REJECTED);
        assertThat(intake.accept(Post.sign(alice, "alice", 1, new byte[32], NOW.plus(Duration.ofHours(1)), "x"))
                .join()).isEqualTo(Outcome.REJECTED);
        assertThat(intake.accept(Post.sign(alice, "alice", 1, new byte[32], NOW, "y".repeat(51))).join())
                .isEqualTo(Outcome.REJECTED);
        assertThat(stored).hasValue(0);
    }
}
