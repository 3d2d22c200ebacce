package murmur.timeline.presence;

import static murmur.timeline.testing.LocalNet.await;
import static murmur.timeline.testing.LocalNet.reason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.waitAtMost;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import murmur.dht.SigningKey;
import murmur.dht.node.DhtNode;
import murmur.timeline.TimelineException.Reason;
import murmur.timeline.TimelineService;
import murmur.timeline.identity.KdfParams;
import murmur.timeline.identity.KeyVault;
import murmur.timeline.identity.UserRecordValue;
import murmur.timeline.peer.TimelinePeer;
import murmur.timeline.records.FeedHead;
import murmur.timeline.records.FollowingValue;
import murmur.timeline.records.InboxValue;
import murmur.timeline.records.Keys;
import murmur.timeline.records.PresenceValue;
import murmur.timeline.records.ProfileValue;
import murmur.timeline.records.RecordWriter;
import murmur.timeline.testing.Mallory;
import murmur.timeline.testing.MemoryNet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Squatting on {@code presence/<name>} (issue 14, item 6a). Presence here counts as stale after 300 ms, so a
 * presence record that lived only ten freshness windows would lapse 3 s after a logout; Mallory keeps trying to
 * claim it for longer than that.
 */
class PresenceSquatAttackTest {
    private static final String PASSWORD = "quartz lantern meadow 7";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration PAST_THE_OLD_LIFETIME = Duration.ofSeconds(5);
    private static MemoryNet net;
    private static Mallory mallory;

    @BeforeAll
    static void network() {
        net = MemoryNet.start(3, List.of("timeline.presenceRefresh=200ms", "timeline.presenceTtl=300ms"));
        mallory = new Mallory(net.reader());
    }

    @AfterAll
    static void shutdown() {
        net.close();
    }

    @Test
    void presenceCannotBeClaimedByAnotherKeyAfterTheOwnerLogsOut(@TempDir Path a, @TempDir Path b) {
        TimelinePeer alicePeer = net.peer(a);
        TimelineService alice = await(alicePeer.register("sq_alice", PASSWORD));
        TimelineService bob = await(net.peer(b).register("sq_bob", "quartz lantern meadow 2"));
        await(alice.logout());

        RecordWriter squatter = mallory.stranger();
        waitAtMost(PAST_THE_OLD_LIFETIME.plusSeconds(5)).during(PAST_THE_OLD_LIFETIME)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> !Mallory.accepted(squatter.put(Keys.presence("sq_alice"),
                        new PresenceValue(true, List.of("127.0.0.9:9"), System.currentTimeMillis()), Mallory.TTL)));

        await(alicePeer.login("sq_alice", PASSWORD));
        waitAtMost(WAIT).until(() -> await(bob.findUser("sq_alice")).orElseThrow().online());
    }

    @Test
    void registrationClaimsPresenceSoANameWhosePresenceIsSquattedIsTaken(@TempDir Path a) {
        assertThat(Mallory.accepted(mallory.stranger().put(Keys.presence("sq_early"),
                new PresenceValue(false, List.of(), System.currentTimeMillis()), Mallory.TTL))).isTrue();
        assertThat(reason(net.peer(a).register("sq_early", PASSWORD))).isEqualTo(Reason.NAME_TAKEN);
    }

    @Test
    void anAccountRegisteredWithoutPresenceClaimsItAtLoginAndWorks(@TempDir Path a, @TempDir Path b) {
        DhtNode node = net.reader();
        SigningKey key = SigningKey.generate();
        UserRecordValue account = KeyVault.seal("sq_old", key.publicKey(), key.privateKeyBytes(), PASSWORD,
                new KdfParams(1024, 1, 1), System.currentTimeMillis(), new SecureRandom());
        RecordWriter old = new RecordWriter(node, key, Clock.systemUTC());
        await(old.put(Keys.user("sq_old"), account, 1, Mallory.TTL));
        await(old.put(Keys.profile("sq_old"), new ProfileValue("sq_old", "", account.createdAtMillis()), 0,
                Mallory.TTL));
        await(old.put(Keys.following("sq_old"), new FollowingValue(List.of()), 0, Mallory.TTL));
        await(old.put(Keys.feed("sq_old"), FeedHead.EMPTY, 0, Mallory.TTL));
        await(old.put(Keys.inbox("sq_old"), new InboxValue(0), 0, Mallory.TTL));
        assertThat(await(node.get(Keys.presence("sq_old")))).isEmpty();

        TimelineService user = await(net.peer(a).login("sq_old", PASSWORD));
        TimelineService bob = await(net.peer(b).register("sq_bob2", "quartz lantern meadow 2"));
        waitAtMost(WAIT).until(() -> await(bob.findUser("sq_old")).orElseThrow().online());
        assertThat(await(node.get(Keys.presence("sq_old")))).hasValueSatisfying(
                r -> assertThat(r.owner()).isEqualTo(key.publicKey()));
        assertThat(await(user.post("still works")).seq()).isEqualTo(1);
        assertThat(Mallory.accepted(mallory.stranger().put(Keys.presence("sq_old"),
                new PresenceValue(true, List.of(), System.currentTimeMillis()), Mallory.TTL))).isFalse();
    }
}
