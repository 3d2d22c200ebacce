package murmur.timeline.notify;

import static murmur.timeline.testing.LocalNet.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import murmur.dht.SetEntry;
import murmur.dht.node.DhtNode;
import murmur.dht.wire.RecordBytes;
import murmur.timeline.Notification;
import murmur.timeline.TimelineService;
import murmur.timeline.link.LinkTypes;
import murmur.timeline.link.PeerAddress;
import murmur.timeline.peer.TimelinePeer;
import murmur.timeline.records.InboxValue;
import murmur.timeline.records.Keys;
import murmur.timeline.records.NotificationValue;
import murmur.timeline.records.PostNoticeValue;
import murmur.timeline.records.RecordJson;
import murmur.timeline.records.RecordWriter;
import murmur.timeline.testing.Mallory;
import murmur.timeline.testing.MemoryNet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A notification dated 2100 (issue 14, item 6b): Mallory, a registered user, signs a follow notice for her victim
 * with a date far in the future. Presence and the inbox poll keep their default 30 s here, so what is seen at login
 * came from the login's read.
 */
class FutureNotificationAttackTest {
    private static final String PASSWORD = "quartz lantern meadow 7";
    private static final Instant YEAR_2100 = Instant.parse("2100-01-01T00:00:00Z");
    private static MemoryNet net;
    private static DhtNode node;

    @BeforeAll
    static void network() {
        net = MemoryNet.start(3, List.of("timeline.presenceRefresh=30s", "timeline.presenceTtl=90s"));
        node = net.reader();
    }

    @AfterAll
    static void shutdown() {
        net.close();
    }

    @Test
    void aNoticeFromTheFutureIsDroppedAndDoesNotHideLaterOnes(@TempDir Path a, @TempDir Path b, @TempDir Path c,
            @TempDir Path d) {
        TimelinePeer home = net.peer(a);
        await(await(home.register("fn_victim", PASSWORD)).logout());
        await(await(net.peer(b).register("fn_mallory", "quartz lantern meadow 2")).logout());
        await(new Mallory(node).as("fn_mallory", "quartz lantern meadow 2").putEntry(Keys.notifications("fn_victim"),
                new NotificationValue("FOLLOW", "fn_mallory", YEAR_2100.toEpochMilli()), Mallory.TTL));

        TimelineService victim = await(home.login("fn_victim", PASSWORD));
        assertThat(victim.notifications().get()).as("the notice from 2100 is dropped")
                .noneMatch(n -> n.at().isAfter(Instant.now().plus(Duration.ofDays(1))));
        await(victim.logout());
        long seenUntil = RecordJson.decode(await(node.get(Keys.inbox("fn_victim"))).orElseThrow().value(),
                InboxValue.class, "inbox").clearedUntilMillis();
        assertThat(Instant.ofEpochMilli(seenUntil)).as("seen until").isBefore(Instant.now().plusSeconds(600));

        await(await(net.peer(c).register("fn_bob", "quartz lantern meadow 3")).follow("fn_victim"));
        TimelineService elsewhere = await(net.peer(d).login("fn_victim", PASSWORD));
        assertThat(elsewhere.notifications().get()).extracting(Notification::from).containsExactly("fn_bob");
    }

    @Test
    void aSeenUntilMarkAlreadyPoisonedTo2100IsNotBelieved(@TempDir Path a, @TempDir Path b) {
        TimelinePeer home = net.peer(a);
        await(await(home.register("fn_marked", PASSWORD)).logout());
        await(new Mallory(node).as("fn_marked", PASSWORD).put(Keys.inbox("fn_marked"),
                new InboxValue(YEAR_2100.toEpochMilli()), Mallory.TTL));
        await(await(net.peer(b).register("fn_carol", "quartz lantern meadow 2")).follow("fn_marked"));

        TimelineService marked = await(home.login("fn_marked", PASSWORD));
        assertThat(marked.notifications().get()).extracting(Notification::from).containsExactly("fn_carol");
    }

    @Test
    void aDirectNoticeFromTheFutureIsRefused(@TempDir Path a, @TempDir Path b) {
        TimelinePeer home = net.peer(a);
        TimelineService victim = await(home.register("fn_online", PASSWORD));
        await(await(net.peer(b).register("fn_mallory2", "quartz lantern meadow 2")).logout());
        SetEntry notice = new Mallory(node).as("fn_mallory2", "quartz lantern meadow 2")
                .signEntry(Keys.notifications("fn_online"),
                        new NotificationValue("FOLLOW", "fn_mallory2", YEAR_2100.toEpochMilli()), Mallory.TTL);

        assertThat(net.link().request(List.of(PeerAddress.direct(home.peerAddress())), LinkTypes.FOLLOW_NOTICE,
                RecordBytes.encode(notice))).failsWithin(Duration.ofSeconds(10));
        assertThat(victim.notifications().get()).isEmpty();
        assertThat(await(victim.post("still fine")).seq()).isEqualTo(1);
    }

    /** Issue 16: a reply or mention notice whose post is malformed is dropped; a sound one shows with its words. */
    @Test
    void aPostNoticeWithABadPostOrAnOversizedExcerptIsDropped(@TempDir Path a, @TempDir Path b) {
        TimelinePeer home = net.peer(a);
        await(await(home.register("pn_victim", PASSWORD)).logout());
        await(await(net.peer(b).register("pn_mallory", "quartz lantern meadow 2")).logout());
        RecordWriter mallory = new Mallory(node).as("pn_mallory", "quartz lantern meadow 2");
        long now = Instant.now().toEpochMilli();
        for (PostNoticeValue bad : List.of(
                new PostNoticeValue("REPLY", "pn_mallory", now, "../../etc", 1, "x"),
                new PostNoticeValue("MENTION", "pn_mallory", now, "0123456789abcdef", 0, "x"),
                new PostNoticeValue("MENTION", "pn_mallory", now, "0123456789abcdef", 1, "y".repeat(400)))) {
            await(mallory.putEntry(Keys.notifications("pn_victim"), bad, Mallory.TTL));
            TimelineService victim = await(home.login("pn_victim", PASSWORD));
            assertThat(victim.notifications().get()).as("%s", bad).isEmpty();
            await(victim.logout());
        }
        await(mallory.putEntry(Keys.notifications("pn_victim"), new PostNoticeValue("MENTION", "pn_mallory",
                now + 1, "0123456789abcdef", 3, "hi @pn_victim"), Mallory.TTL));
        TimelineService victim = await(home.login("pn_victim", PASSWORD));
        assertThat(victim.notifications().get()).extracting(Notification::kind, Notification::excerpt,
                Notification::postSeq).containsExactly(org.assertj.core.api.Assertions.tuple(
                        Notification.Kind.MENTION, "hi @pn_victim", 3L));
    }
}
