package murmur.dht.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import murmur.config.SettingsLoader;
import murmur.dht.NodeId;
import murmur.dht.SetEntry;
import murmur.dht.SigningKey;
import murmur.dht.TestClock;
import murmur.dht.TestEntries;
import murmur.dht.TestKeys;
import murmur.dht.WriteStatus;
import org.junit.jupiter.api.Test;

/**
 * The store's work rules: an entry needs {@code dht.setMinWorkBits}; a full set takes a new writer only in place of
 * the entry with the least work and only with strictly more; among equals the newest held goes; writers already in
 * the set are never shut out.
 */
class FullSetEvictionTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final NodeId SET = NodeId.ofKey("followers/alice");
    private static final Duration HOUR = Duration.ofHours(1);
    private static final int MIN = 4;

    private final SecureRandom keys = TestKeys.seeded(41);
    private final TestClock clock = new TestClock(NOW);
    private final RecordStoreTest.RecordingJournal journal = new RecordStoreTest.RecordingJournal();
    private final RecordStore store = new RecordStore(SettingsLoader.load(Optional.empty(),
            List.of("dht.setMinWorkBits=" + MIN, "dht.maxSetEntries=3", "dht.setPageSize=3")).dht(), clock, journal);

    private SetEntry entry(SigningKey writer, String value, long seq, int exactWork) {
        return TestEntries.exactly(writer, SetEntry.sign(writer, SET, value.getBytes(StandardCharsets.UTF_8), seq,
                HOUR, clock.instant()), exactWork);
    }

    private WriteStatus put(SetEntry e) {
        return store.putEntries(SET, List.of(e)).status();
    }

    private List<NodeId> writers() {
        return store.page(SET, null, 10).entries().stream().map(SetEntry::writerId).toList();
    }

    @Test
    void anEntryBelowTheMinimumOrWithAnotherWritersNonceIsRefused() {
        SigningKey bob = SigningKey.generate(keys);
        SigningKey carol = SigningKey.generate(keys);
        SetEntry low = entry(bob, "bob", 1, MIN - 1);
        SetEntry bobs = entry(bob, "bob", 1, MIN + 4);
        SetEntry borrowed = SetEntry.sign(carol, SET, new byte[] {1}, 1, HOUR, NOW).withNonce(carol, bobs.nonce());

        assertThat(put(low)).isEqualTo(WriteStatus.LOW_WORK);
        assertThat(borrowed.work()).as("work is per writer").isLessThan(MIN + 4);
        assertThat(put(SetEntry.sign(carol, SET, new byte[] {1}, 1, HOUR, NOW))).isEqualTo(WriteStatus.LOW_WORK);
        assertThat(put(bobs)).isEqualTo(WriteStatus.OK);
        assertThat(store.entryCount()).isEqualTo(1);
    }

    @Test
    void aFullSetTakesANewcomerOnlyWithStrictlyMoreWorkThanItsLeast() {
        List<SigningKey> held = List.of(SigningKey.generate(keys), SigningKey.generate(keys),
                SigningKey.generate(keys));
        put(entry(held.get(0), "a", 1, MIN + 2));
        put(entry(held.get(1), "b", 1, MIN));
        put(entry(held.get(2), "c", 1, MIN + 1));
        SigningKey newcomer = SigningKey.generate(keys);

        assertThat(put(entry(newcomer, "equal", 1, MIN))).as("as much as the least").isEqualTo(WriteStatus.FULL);
        assertThat(store.evicted()).isZero();
        assertThat(put(entry(newcomer, "more", 1, MIN + 1))).isEqualTo(WriteStatus.OK);

        assertThat(writers()).hasSize(3).contains(newcomer.nodeId(), held.get(0).nodeId(), held.get(2).nodeId())
                .doesNotContain(held.get(1).nodeId());
        assertThat(store.evicted()).isEqualTo(1);
        assertThat(journal.deletedEntryWriters).containsExactly(held.get(1).nodeId());
    }

    @Test
    void amongEqualsTheNewestHeldGoesSoOlderEntriesStay() {
        List<SigningKey> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            held.add(SigningKey.generate(keys));
            put(entry(held.get(i), "v", 1, MIN));
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(put(entry(SigningKey.generate(keys), "more", 1, MIN + 1))).isEqualTo(WriteStatus.OK);

        assertThat(writers()).contains(held.get(0).nodeId(), held.get(1).nodeId())
                .doesNotContain(held.get(2).nodeId());
    }

    @Test
    void aWriterAlreadyInAFullSetUpdatesAndTombstonesWhateverItsWork() {
        List<SigningKey> held = List.of(SigningKey.generate(keys), SigningKey.generate(keys),
                SigningKey.generate(keys));
        for (SigningKey w : held) {
            put(entry(w, "v1", 1, MIN + 3));
        }
        SetEntry update = entry(held.get(0), "v2", 2, MIN);
        SetEntry tomb = TestEntries.exactly(held.get(1), SetEntry.tombstone(held.get(1), SET, 2, HOUR, NOW), MIN);

        assertThat(put(update)).isEqualTo(WriteStatus.OK);
        assertThat(put(tomb)).isEqualTo(WriteStatus.OK);
        assertThat(store.page(SET, null, 10).entries()).contains(update, tomb).hasSize(3);
        assertThat(store.evicted()).isZero();
    }

    @Test
    void anExpiredEntryMakesRoomBeforeAnyLiveOne() {
        SigningKey brief = SigningKey.generate(keys);
        put(TestEntries.exactly(brief, SetEntry.sign(brief, SET, new byte[] {1}, 1, Duration.ofMinutes(1), NOW),
                MIN + 8));
        put(entry(SigningKey.generate(keys), "a", 1, MIN));
        put(entry(SigningKey.generate(keys), "b", 1, MIN));
        clock.advance(Duration.ofMinutes(2));
        SigningKey newcomer = SigningKey.generate(keys);

        assertThat(put(entry(newcomer, "late", 1, MIN))).isEqualTo(WriteStatus.OK);
        assertThat(writers()).hasSize(3).contains(newcomer.nodeId()).doesNotContain(brief.nodeId());
    }

    @Test
    void restoreLeavesOutEntriesWithoutTheMinimum() {
        SetEntry good = entry(SigningKey.generate(keys), "ok", 1, MIN);
        SigningKey lazy = SigningKey.generate(keys);
        SetEntry low = entry(lazy, "lazy", 1, MIN - 2);

        assertThat(store.restore(List.of(), List.of(good, low))).isEqualTo(1);
        assertThat(store.page(SET, null, 10).entries()).containsExactly(good);
    }
}
