package murmur.timeline;

import static murmur.timeline.testing.LocalNet.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.waitAtMost;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import murmur.timeline.notify.Inbox;
import murmur.timeline.session.UserSession;
import murmur.timeline.testing.TestNet;
import murmur.timeline.testing.TestNet.Tier;
import murmur.timeline.testing.TierNets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Reposts, quotes, likes and blocks between peers, on both test tiers: a repost reaches the reposter's followers
 * with the original, which they check; a repost of a forged original is dropped whole; a like reaches the author,
 * who counts it, and an unlike takes it back; a blocked user's mentions, replies and likes never show.
 */
class RepostsLikesBlocksTest {
    private static final String PASSWORD = "quartz lantern meadow 7";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static TierNets nets;

    @BeforeAll
    static void network() {
        nets = new TierNets(3, List.of());
    }

    @AfterAll
    static void shutdown() {
        nets.close();
    }

    @ParameterizedTest
    @EnumSource(Tier.class)
    void aRepostAndAQuoteReachTheRepostersFollowersWithTheOriginalAndALikeIsCountedByTheAuthor(Tier tier,
            @TempDir Path a, @TempDir Path b, @TempDir Path c) {
        TestNet net = nets.on(tier);
        String suffix = "_r" + tier.name().toLowerCase().charAt(0);
        TimelineService ada = await(net.peer(a).register("ada" + suffix, PASSWORD));
        TimelineService carol = await(net.peer(b).register("carol" + suffix, PASSWORD));
        TimelineService bob = await(net.peer(c).register("bob" + suffix, PASSWORD));
        await(carol.follow(ada.user()));
        await(bob.follow(carol.user()));
        waitAtMost(WAIT).until(() -> !await(ada.followersOf(ada.user())).isEmpty()
                && !await(carol.followersOf(carol.user())).isEmpty());

        Post original = await(ada.post("Trees beat stars when the uplink is thin"));
        waitAtMost(WAIT).until(() -> entry(carol, original).isPresent());
        Post repost = await(carol.repost(entry(carol, original).orElseThrow().post()));
        assertThat(repost.isRepost()).isTrue();
        assertThat(repost.text()).isEmpty();

        waitAtMost(WAIT).alias("bob, who follows only carol, gets the repost with ada's post in it")
                .until(() -> entry(bob, repost).isPresent());
        Post atBob = entry(bob, repost).orElseThrow().post();
        assertThat(atBob.ref().original()).isEqualTo(original);
        assertThat(atBob.ref().names(original)).isTrue();
        waitAtMost(WAIT).until(() -> ada.notifications().get().stream().anyMatch(n -> n.kind()
                == Notification.Kind.REPOST && n.from().equals(carol.user()) && n.excerpt().equals(original.text())));

        Post reply = await(carol.reply(original, "Thin uplinks are most of them"));
        waitAtMost(WAIT).until(() -> entry(bob, reply).isPresent());
        assertThat(await(bob.thread(reply))).as("bob follows only carol: ada's post is fetched for the thread")
                .containsExactly(original, reply);

        Post quote = await(carol.quote(original, "Measured it: see the fan-out bench"));
        waitAtMost(WAIT).until(() -> entry(bob, quote).isPresent());
        assertThat(entry(bob, quote).orElseThrow().post().ref().original()).isEqualTo(original);
        waitAtMost(WAIT).until(() -> ada.notifications().get().stream().anyMatch(n -> n.kind()
                == Notification.Kind.QUOTE && n.excerpt().equals(quote.text())));
        Post again = await(bob.repost(atBob));
        assertThat(again.ref().names(original)).as("a repost of a repost passes on the original").isTrue();

        await(bob.like(atBob, true));
        assertThat(entry(bob, repost).orElseThrow()).extracting(TimelineEntry::likedByMe, TimelineEntry::likes)
                .containsExactly(true, 1);
        waitAtMost(WAIT).alias("ada's peer counts bob's like on her post")
                .until(() -> entry(ada, original).map(TimelineEntry::likes).orElse(0) == 1);
        assertThat(ada.notifications().get()).anyMatch(n -> n.kind() == Notification.Kind.LIKE
                && n.from().equals(bob.user()) && n.postSeq() == original.seq());
        await(carol.like(entry(carol, original).orElseThrow().post(), true));
        waitAtMost(WAIT).until(() -> entry(ada, original).map(TimelineEntry::likes).orElse(0) == 2);
        await(bob.like(atBob, false));
        waitAtMost(WAIT).alias("an unlike takes the like back")
                .until(() -> entry(ada, original).map(TimelineEntry::likes).orElse(0) == 1);
        assertThat(ada.notifications().get()).noneMatch(n -> n.kind() == Notification.Kind.UNLIKE);
    }

    @ParameterizedTest
    @EnumSource(Tier.class)
    void aRepostOfAForgedOriginalIsDroppedWhole(Tier tier, @TempDir Path a, @TempDir Path b, @TempDir Path c) {
        TestNet net = nets.on(tier);
        String suffix = "_f" + tier.name().toLowerCase().charAt(0);
        TimelineService ada = await(net.peer(a).register("ada" + suffix, PASSWORD));
        TimelineService mallory = await(net.peer(b).register("mallory" + suffix, PASSWORD));
        TimelineService bob = await(net.peer(c).register("bob" + suffix, PASSWORD));
        await(bob.follow(mallory.user()));
        await(mallory.follow(ada.user()));
        waitAtMost(WAIT).until(() -> !await(mallory.followersOf(mallory.user())).isEmpty());
        Post real = await(ada.post("I will pay you back on Friday"));
        waitAtMost(WAIT).until(() -> entry(mallory, real).isPresent());
        Post forged = new Post(real.author(), real.device(), real.seq(), real.prevHash(), real.timestampMillis(),
                "I will never pay you back", real.signature(), real.ref());

        Post lie = await(mallory.repost(forged));
        Post after = await(mallory.post("nothing to see here"));
        waitAtMost(WAIT).until(() -> entry(bob, after).isPresent());
        assertThat(entry(bob, lie)).as("the forged original does not verify against ada's key").isEmpty();
        assertThat(bob.timeline().get()).noneMatch(e -> e.post().text().contains("never pay")
                || e.post().ref() != null && e.post().ref().original() != null);
    }

    @ParameterizedTest
    @EnumSource(Tier.class)
    void aBlockedUsersRepliesMentionsAndLikesNeverShowAndTheirPostsLeave(Tier tier, @TempDir Path a,
            @TempDir Path b) {
        TestNet net = nets.on(tier);
        String suffix = "_b" + tier.name().toLowerCase().charAt(0);
        TimelineService ada = await(net.peer(a).register("ada" + suffix, PASSWORD));
        TimelineService troll = await(net.peer(b).register("troll" + suffix, PASSWORD));
        await(troll.follow(ada.user()));
        await(ada.follow(troll.user()));
        waitAtMost(WAIT).until(() -> !await(ada.followersOf(ada.user())).isEmpty()
                && !await(troll.followersOf(troll.user())).isEmpty());
        Post hello = await(ada.post("Hello, world"));
        waitAtMost(WAIT).until(() -> entry(troll, hello).isPresent());
        Post before = await(troll.post("before the block"));
        waitAtMost(WAIT).until(() -> entry(ada, before).isPresent());

        for (int i = 0; i < Inbox.NOTICES_PER_SENDER + 2; i++) {
            await(troll.like(hello, i % 2 == 0));
        }
        waitAtMost(WAIT).alias("a sender over the cap of notices about posts is cut off, and counted")
                .until(() -> session(ada).noticesOverCap() > 0);

        await(ada.block(troll.user(), true));
        assertThat(ada.blocked().get()).containsExactly(troll.user());
        assertThat(entry(ada, before)).as("a blocked user's posts leave the timeline").isEmpty();
        int noticesBefore = ada.notifications().get().size();
        int likesBefore = entry(ada, hello).orElseThrow().likes();
        await(troll.reply(hello, "you are wrong @" + ada.user()));
        await(troll.like(hello, true));
        Post later = await(troll.post("after the block @" + ada.user()));

        // The reply (which names ada too: one notice), the like and the mention: refused as they come.
        waitAtMost(WAIT).until(() -> session(ada).noticesFromBlocked() >= 2);
        assertThat(ada.notifications().get()).hasSize(noticesBefore)
                .noneMatch(n -> n.from().equals(troll.user()) && n.kind() != Notification.Kind.FOLLOW);
        assertThat(entry(ada, hello).orElseThrow().likes()).isEqualTo(likesBefore);
        assertThat(entry(ada, later)).isEmpty();

        await(ada.block(troll.user(), false));
        assertThat(entry(ada, before)).as("unblocked, the old posts show again").isPresent();
    }

    private static UserSession session(TimelineService s) {
        if (s instanceof UserSession u) {
            return u;
        }
        throw new AssertionError("not a peer's session: " + s.getClass());
    }

    private static Optional<TimelineEntry> entry(TimelineService s, Post p) {
        return s.timeline().get().stream().filter(e -> e.post().equals(p)).findFirst();
    }
}
