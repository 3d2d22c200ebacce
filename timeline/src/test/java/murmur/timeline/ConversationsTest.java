package murmur.timeline;

import static murmur.timeline.testing.LocalNet.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.waitAtMost;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import murmur.timeline.peer.TimelinePeer;
import murmur.timeline.testing.TestNet;
import murmur.timeline.testing.TestNet.Tier;
import murmur.timeline.testing.TierNets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Replies and deletes between peers, on both test tiers: a reply reaches the replier's followers naming its parent,
 * and shows in the parent's thread; a delete reaches the author's followers, who drop the post; a follower who was
 * away catches up on a log with a deleted post in it, past the deleted place, and does not show it.
 */
class ConversationsTest {
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
    void aReplyReachesTheRepliersFollowersAndADeleteEveryFollowerOfTheAuthor(Tier tier, @TempDir Path a,
            @TempDir Path b, @TempDir Path c) {
        TestNet net = nets.on(tier);
        String suffix = "_" + tier.name().toLowerCase().charAt(0);
        TimelineService ada = await(net.peer(a).register("ada" + suffix, PASSWORD));
        TimelineService carol = await(net.peer(b).register("carol" + suffix, PASSWORD));
        TimelineService bob = await(net.peer(c).register("bob" + suffix, PASSWORD));
        await(carol.follow(ada.user()));
        await(bob.follow(carol.user()));
        await(bob.follow(ada.user()));
        waitAtMost(WAIT).until(() -> await(ada.followersOf(ada.user())).size() == 2
                && !await(carol.followersOf(carol.user())).isEmpty());

        Post question = await(ada.post("Is a binary tree enough for fan-out?"));
        waitAtMost(WAIT).until(() -> texts(carol).contains(question.text()));
        Post parent = carol.timeline().get().get(0).post();
        Post answer = await(carol.reply(parent, "For a thousand followers, yes."));

        waitAtMost(WAIT).until(() -> texts(bob).contains(answer.text()));
        Post atBob = bob.timeline().get().stream().map(TimelineEntry::post).filter(answer::equals).findFirst()
                .orElseThrow();
        assertThat(atBob.isReply()).isTrue();
        assertThat(atBob.ref().names(question)).as("the reply names ada's post, hash and all").isTrue();
        waitAtMost(WAIT).until(() -> await(bob.replies(question)).contains(answer));
        waitAtMost(WAIT).until(() -> bob.timeline().get().stream()
                .anyMatch(e -> e.post().equals(question) && e.replies() == 1));
        waitAtMost(WAIT).until(() -> ada.notifications().get().stream().anyMatch(n -> n.kind()
                == Notification.Kind.REPLY && n.from().equals(carol.user()) && n.excerpt().equals(answer.text())
                && n.postSeq() == answer.seq() && n.postDevice().equals(answer.device())));
        waitAtMost(WAIT).alias("ada follows nobody, yet her post's thread shows carol's reply")
                .until(() -> await(ada.replies(question)).contains(answer));

        Post mention = await(bob.post("Thanks @" + ada.user() + " and @" + carol.user() + ", and @nobody_here"));
        waitAtMost(WAIT).until(() -> ada.notifications().get().stream().anyMatch(n -> n.kind()
                == Notification.Kind.MENTION && n.from().equals(bob.user()) && n.excerpt().equals(mention.text()))
                && carol.notifications().get().stream().anyMatch(n -> n.kind() == Notification.Kind.MENTION));

        Post oops = await(ada.post("my phone number is 555-0100"));
        waitAtMost(WAIT).until(() -> texts(carol).contains(oops.text()) && texts(bob).contains(oops.text()));
        await(ada.delete(oops));

        assertThat(texts(ada)).doesNotContain(oops.text());
        waitAtMost(WAIT).until(() -> !texts(carol).contains(oops.text()) && !texts(bob).contains(oops.text()));
        assertThat(texts(bob)).contains(question.text(), answer.text());
        assertThatThrownBy(() -> await(carol.delete(question))).hasMessageContaining("only " + ada.user());
        System.out.printf("{\"probe\":\"conversations\",\"tier\":\"%s\",\"reply_at_bob\":true,"
                + "\"deleted_at_followers\":true}%n", tier);
    }

    @ParameterizedTest
    @EnumSource(Tier.class)
    void aFollowerWhoWasAwayCatchesUpPastADeletedPost(Tier tier, @TempDir Path a, @TempDir Path b) {
        TestNet net = nets.on(tier);
        String suffix = "_" + tier.name().toLowerCase().charAt(0);
        TimelineService dan = await(net.peer(a).register("dan" + suffix, PASSWORD));
        TimelinePeer evesPeer = net.peer(b);
        TimelineService eve = await(evesPeer.register("eve" + suffix, PASSWORD));
        await(eve.follow(dan.user()));
        waitAtMost(WAIT).until(() -> !await(dan.followersOf(dan.user())).isEmpty());
        await(eve.logout());

        await(dan.post("one"));
        Post two = await(dan.post("two, regretted"));
        await(dan.delete(two));
        await(dan.post("three"));

        TimelineService back = await(evesPeer.login(eve.user(), PASSWORD));
        waitAtMost(WAIT).until(() -> texts(back).containsAll(List.of("one", "three")));
        assertThat(texts(back)).doesNotContain(two.text());
    }

    @ParameterizedTest
    @EnumSource(Tier.class)
    void aMutedUsersPostsAndNoticesAreHiddenHereUntilUnmuted(Tier tier, @TempDir Path a, @TempDir Path b) {
        TestNet net = nets.on(tier);
        String suffix = "_" + tier.name().toLowerCase().charAt(0);
        TimelineService fay = await(net.peer(a).register("fay" + suffix, PASSWORD));
        TimelineService gus = await(net.peer(b).register("gus" + suffix, PASSWORD));
        await(fay.follow(gus.user()));
        waitAtMost(WAIT).until(() -> !await(gus.followersOf(gus.user())).isEmpty());
        Post before = await(gus.post("before the mute"));
        waitAtMost(WAIT).until(() -> texts(fay).contains(before.text()));

        await(fay.mute(gus.user(), true));
        assertThat(texts(fay)).doesNotContain(before.text());
        Post mention = await(gus.post("hey @" + fay.user()));
        Post later = await(fay.post("my own post still shows"));
        waitAtMost(WAIT).until(() -> texts(fay).contains(later.text()));
        assertThat(fay.muted().get()).containsExactly(gus.user());
        assertThat(texts(fay)).doesNotContain(before.text(), mention.text());
        assertThat(fay.notifications().get()).noneMatch(n -> n.from().equals(gus.user())
                && n.kind() == Notification.Kind.MENTION);
        assertThat(fay.following().get()).as("muting is not unfollowing").contains(gus.user());

        await(fay.mute(gus.user(), false));
        waitAtMost(WAIT).until(() -> texts(fay).containsAll(List.of(before.text(), mention.text()))
                && fay.notifications().get().stream().anyMatch(n -> n.kind() == Notification.Kind.MENTION));
    }

    private static List<String> texts(TimelineService s) {
        return s.timeline().get().stream().map(TimelineEntry::post).map(Post::text).toList();
    }
}
