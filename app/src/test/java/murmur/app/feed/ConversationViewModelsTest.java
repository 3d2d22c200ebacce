package murmur.app.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import murmur.app.fakes.FakeAccounts;
import murmur.app.fakes.FakeTimeline;
import murmur.dht.TestClock;
import murmur.timeline.Post;
import org.junit.jupiter.api.Test;

/** Replying from the compose box, deleting from the timeline, and a thread's posts. */
class ConversationViewModelsTest {
    private final TestClock clock = new TestClock(Instant.parse("2025-01-01T10:00:00Z"));
    private final FakeAccounts accounts = new FakeAccounts(clock).user("bob", "pw-bob");
    private final FakeTimeline alice = (FakeTimeline) accounts.register("alice", "pw-alice").join();
    private final TimelineViewModel timeline = new TimelineViewModel(alice, clock, Runnable::run);
    private final ComposeViewModel compose = new ComposeViewModel(alice, Runnable::run);
    private final ThreadViewModel thread = new ThreadViewModel(alice, clock, Runnable::run);

    @Test
    void aReplyNamesItsParentAndTheBoxGoesBackToPosting() {
        timeline.activate();
        Post question = alice.receive("bob", "tea or coffee?");
        PostItem row = timeline.posts().get(0);

        compose.replyTo(row);
        assertThat(compose.replyBanner().get()).isEqualTo("Replying to @bob: tea or coffee?");
        compose.text().set("tea");
        clock.advance(Duration.ofMinutes(1));
        compose.post();

        Post reply = timeline.posts().get(0).post();
        assertThat(reply.text()).isEqualTo("tea");
        assertThat(reply.ref().names(question)).isTrue();
        assertThat(timeline.posts().get(0).replyTo()).isEqualTo("bob");
        assertThat(compose.replyingTo().get()).isNull();
        assertThat(compose.replyBanner().get()).isEmpty();

        compose.replyTo(row);
        compose.cancelReply();
        compose.text().set("just a post");
        clock.advance(Duration.ofMinutes(1));
        compose.post();
        assertThat(timeline.posts().get(0).post().ref()).isNull();
    }

    @Test
    void aThreadShowsThePostThenItsRepliesOldestFirst() {
        timeline.activate();
        alice.receive("bob", "tea or coffee?");
        PostItem question = timeline.posts().get(0);
        thread.open(question);
        assertThat(thread.status().get()).isEqualTo("No replies yet");

        alice.reply(question.post(), "tea").join();
        clock.advance(Duration.ofMinutes(1));
        alice.reply(question.post(), "both").join();
        thread.open(question);

        assertThat(thread.posts()).extracting(PostItem::text).containsExactly("tea or coffee?", "tea", "both");
        assertThat(thread.status().get()).isEqualTo("2 replies");
    }

    @Test
    void onlyOnesOwnPostsCanBeDeletedAndTheyLeaveTheList() {
        timeline.activate();
        alice.post("regrettable").join();
        clock.advance(Duration.ofMinutes(1));
        alice.receive("bob", "not yours");
        PostItem mine = timeline.posts().stream().filter(PostItem::own).findFirst().orElseThrow();
        PostItem bobs = timeline.posts().stream().filter(p -> !p.own()).findFirst().orElseThrow();

        timeline.delete(mine);
        assertThat(timeline.posts()).extracting(PostItem::text).containsExactly("not yours");
        assertThat(timeline.error().get()).isEmpty();

        timeline.delete(bobs);
        assertThat(timeline.error().get()).isEqualTo("Only bob can delete their post.");
        assertThat(timeline.posts()).hasSize(1);
    }

    @Test
    void aTagShowsThePostsHeldHereThatCarryItAndNoOthers() {
        TagViewModel tags = new TagViewModel(alice, clock, Runnable::run);
        alice.receive("bob", "reading about #Kademlia");
        clock.advance(Duration.ofMinutes(1));
        alice.post("#kademlia is neat").join();
        alice.receive("bob", "see https://x.org/#kademlia, or #kademliax");

        tags.open("kademlia");

        assertThat(tags.posts()).extracting(PostItem::text).containsExactly("#kademlia is neat",
                "reading about #Kademlia");
        assertThat(tags.status().get()).isEqualTo("2 posts with #kademlia held here");
        tags.open("absent");
        assertThat(tags.status().get()).isEqualTo("No posts with #absent held here");
    }

    @Test
    void aLikeCountsOnTheRowAndASecondClickTakesItBack() {
        timeline.activate();
        alice.receive("bob", "tea or coffee?");
        timeline.toggleLike(timeline.posts().get(0));
        assertThat(timeline.posts().get(0)).extracting(PostItem::likes, PostItem::liked).containsExactly(1, true);
        timeline.toggleLike(timeline.posts().get(0));
        assertThat(timeline.posts().get(0)).extracting(PostItem::likes, PostItem::liked).containsExactly(0, false);
    }

    @Test
    void aRepostShowsTheOriginalUnderTheReposterAndAQuoteShowsItBeneathItsWords() {
        timeline.activate();
        Post original = alice.receive("bob", "trees beat stars");
        clock.advance(Duration.ofMinutes(1));
        timeline.repost(timeline.posts().get(0));
        PostItem repost = timeline.posts().get(0);
        assertThat(repost.post().isRepost()).isTrue();
        assertThat(repost).extracting(PostItem::author, PostItem::text, PostItem::repostedBy)
                .containsExactly("bob", "trees beat stars", "alice");
        assertThat(repost.subject()).isEqualTo(original);
        assertThat(repost.delivery()).as("the row shows bob's post, not a delivery count").isEmpty();

        clock.advance(Duration.ofMinutes(1));
        compose.quote(repost);
        assertThat(compose.replyBanner().get()).isEqualTo("Quoting @bob: trees beat stars");
        compose.text().set("measured it");
        compose.post();
        PostItem quote = timeline.posts().get(0);
        assertThat(quote.text()).isEqualTo("measured it");
        assertThat(quote.quoted()).as("a quote of a repost shows the original").isEqualTo(original);
        assertThat(compose.quoting().get()).isFalse();
    }

    @Test
    void theThreadOfAReplyStartsAtThePostItAnswers() {
        timeline.activate();
        Post question = alice.receive("bob", "tea or coffee?");
        clock.advance(Duration.ofMinutes(1));
        alice.reply(question, "tea").join();
        PostItem answer = timeline.posts().get(0);
        thread.open(answer);
        assertThat(thread.posts()).extracting(PostItem::text).containsExactly("tea or coffee?", "tea");
        assertThat(thread.status().get()).isEqualTo("1 reply");
    }
}
