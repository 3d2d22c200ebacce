package murmur.app.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import murmur.app.fakes.FakeAccounts;
import murmur.app.fakes.FakeTimeline;
import murmur.dht.TestClock;
import murmur.timeline.Notification;
import org.junit.jupiter.api.Test;

class NotificationsViewModelTest {
    private final TestClock clock = new TestClock(Instant.parse("2025-01-01T10:00:00Z"));
    private final FakeAccounts accounts = new FakeAccounts(clock);
    private final FakeTimeline alice = (FakeTimeline) accounts.register("alice", "pw-alice").join();
    private final NotificationsViewModel model = new NotificationsViewModel(alice, clock, Runnable::run);

    @Test
    void listsEventsWithUnreadCountAndWhileAwayFlag() {
        model.activate();
        alice.notify(new Notification(Notification.Kind.FOLLOW, "bob", clock.instant().minus(Duration.ofHours(3)),
                true));
        alice.notify(new Notification(Notification.Kind.UNFOLLOW, "carol", clock.instant(), false));

        assertThat(model.unread().get()).isEqualTo(2);
        assertThat(model.items()).extracting(NotificationItem::text, NotificationItem::age,
                NotificationItem::whileAway).containsExactly(
                        tuple("carol unfollowed you", "now", false),
                        tuple("bob followed you", "3 h", true));

        model.markRead();
        assertThat(model.unread().get()).isZero();
        assertThat(model.items()).hasSize(2);
    }

    @Test
    void repliesAndMentionsShowThePostsOpeningWords() {
        model.activate();
        alice.notify(new Notification(Notification.Kind.REPLY, "carol", clock.instant(), false, "tea, always",
                "0123456789abcdef", 4));
        alice.notify(new Notification(Notification.Kind.MENTION, "dan", clock.instant(), false, "ask @alice",
                "0123456789abcdef", 9));

        assertThat(model.items()).extracting(NotificationItem::text, NotificationItem::excerpt).containsExactly(
                tuple("dan mentioned you: ask @alice", "ask @alice"),
                tuple("carol replied to your post: tea, always", "tea, always"));
    }
}
