package murmur.dht.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import murmur.config.DhtSettings;
import murmur.config.SettingsLoader;
import murmur.dht.NodeId;
import murmur.dht.OwnedRecord;
import murmur.dht.SetEntry;
import murmur.dht.SigningKey;
import murmur.dht.TestClock;
import murmur.dht.TestEntries;
import murmur.dht.TestKeys;
import murmur.dht.WriteStatus;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RecordStoreTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final NodeId KEY = NodeId.ofKey("user/alice");
    private static final NodeId SET = NodeId.ofKey("followers/alice");
    private static final Duration HOUR = Duration.ofHours(1);

    private final SecureRandom keys = TestKeys.seeded(31);
    private final SigningKey alice = SigningKey.generate(keys);
    private final SigningKey mallory = SigningKey.generate(keys);
    private final TestClock clock = new TestClock(NOW);
    private final RecordingJournal journal = new RecordingJournal();

    /** Entries here carry no work (nonce 0): {@link FullSetEvictionTest} tests the work rules. */
    private static DhtSettings settings(String... overrides) {
        List<String> all = new ArrayList<>(List.of("dht.setMinWorkBits=0"));
        all.addAll(List.of(overrides));
        return SettingsLoader.load(Optional.empty(), all).dht();
    }

    private RecordStore store(String... overrides) {
        return new RecordStore(settings(overrides), clock, journal);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private OwnedRecord record(SigningKey owner, NodeId key, String value, long seq) {
        return OwnedRecord.sign(owner, key, bytes(value), seq, HOUR, clock.instant());
    }

    private SetEntry entry(SigningKey writer, String value, long seq) {
        return SetEntry.sign(writer, SET, bytes(value), seq, HOUR, clock.instant());
    }

    /** A journal that remembers what it was asked to keep, and can hold its acknowledgements back. */
    static final class RecordingJournal implements StoreJournal {
        final List<OwnedRecord> savedRecords = new ArrayList<>();
        final List<List<SetEntry>> savedBatches = new ArrayList<>();
        final List<NodeId> deletedRecords = new ArrayList<>();
        final List<NodeId> deletedEntryWriters = new ArrayList<>();
        CompletableFuture<Void> ack = CompletableFuture.completedFuture(null);

        @Override
        public CompletableFuture<Void> saveRecord(OwnedRecord record) {
            savedRecords.add(record);
            return ack;
        }

        @Override
        public CompletableFuture<Void> saveEntries(List<SetEntry> entries) {
            savedBatches.add(List.copyOf(entries));
            return ack;
        }

        @Override
        public CompletableFuture<Void> deleteRecord(NodeId key) {
            deletedRecords.add(key);
            return ack;
        }

        @Override
        public CompletableFuture<Void> deleteEntry(NodeId setKey, byte[] writer) {
            deletedEntryWriters.add(NodeId.ofPublicKey(writer));
            return ack;
        }
    }

    @Nested
    class OwnedRecords {
        private final RecordStore store = store();

        @Test
        void theFirstValidWriteClaimsTheKey() {
            OwnedRecord r = record(alice, KEY, "v1", 1);

            WriteOutcome outcome = store.put(r);

            assertThat(outcome.status()).isEqualTo(WriteStatus.OK);
            assertThat(outcome.accepted()).isEqualTo(1);
            assertThat(outcome.durable()).isDone();
            assertThat(store.get(KEY)).contains(r);
            assertThat(store.recordCount()).isEqualTo(1);
            assertThat(journal.savedRecords).containsExactly(r);
        }

        @Test
        void theOwnerReplacesItsRecordWithAHigherSeq() {
            store.put(record(alice, KEY, "v1", 1));
            OwnedRecord v2 = record(alice, KEY, "v2", 2);

            assertThat(store.put(v2).status()).isEqualTo(WriteStatus.OK);
            assertThat(store.get(KEY)).contains(v2);
            assertThat(store.recordCount()).isEqualTo(1);
            assertThat(journal.savedRecords).last().isEqualTo(v2);
        }

        @Test
        void aLowerSeqIsStaleAndChangesNothing() {
            OwnedRecord v5 = record(alice, KEY, "v5", 5);
            store.put(v5);

            assertThat(store.put(record(alice, KEY, "v4", 4)).status()).isEqualTo(WriteStatus.STALE);
            assertThat(store.get(KEY)).contains(v5);
            assertThat(journal.savedRecords).containsExactly(v5);
        }

        @Test
        void anEqualSeqWithADifferentValueIsStale() {
            OwnedRecord v5 = record(alice, KEY, "v5", 5);
            store.put(v5);

            WriteOutcome outcome = store.put(record(alice, KEY, "other", 5));

            assertThat(outcome.status()).isEqualTo(WriteStatus.STALE);
            assertThat(outcome.accepted()).isZero();
            assertThat(store.get(KEY)).contains(v5);
        }

        @Test
        void storingTheIdenticalRecordAgainIsOkAndWritesNothing() {
            OwnedRecord r = record(alice, KEY, "v1", 1);
            store.put(r);

            WriteOutcome again = store.put(r);

            assertThat(again.status()).isEqualTo(WriteStatus.OK);
            assertThat(again.accepted()).isEqualTo(1);
            assertThat(journal.savedRecords).containsExactly(r);
        }

        @Test
        void aRefreshWithTheSameSeqAndALaterIssueTimeIsAccepted() {
            store.put(record(alice, KEY, "v1", 1));
            clock.advance(Duration.ofMinutes(30));
            OwnedRecord refresh = record(alice, KEY, "v1", 1);

            assertThat(store.put(refresh).status()).isEqualTo(WriteStatus.OK);
            assertThat(store.get(KEY)).contains(refresh);
            assertThat(store.get(KEY).orElseThrow().expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(90)));
        }

        @Test
        void anotherOwnerIsForbidden() {
            OwnedRecord mine = record(alice, KEY, "v1", 1);
            store.put(mine);

            assertThat(store.put(record(mallory, KEY, "hijack", 99)).status()).isEqualTo(WriteStatus.FORBIDDEN);
            assertThat(store.get(KEY)).contains(mine);
        }

        @Test
        void aBadSignatureIsRefusedEvenForAFreeKey() {
            OwnedRecord r = record(alice, KEY, "v1", 1);
            OwnedRecord forged = new OwnedRecord(KEY, bytes("v2"), 1, r.issuedAtMillis(), r.ttlSeconds(), r.owner(),
                    r.signature());

            assertThat(store.put(forged).status()).isEqualTo(WriteStatus.BAD_SIGNATURE);
            assertThat(store.get(KEY)).isEmpty();
            assertThat(journal.savedRecords).isEmpty();
        }

        @Test
        void aForgedUpdateInTheOwnersNameIsABadSignature() {
            store.put(record(alice, KEY, "v1", 1));
            OwnedRecord real = record(alice, KEY, "v2", 2);
            OwnedRecord forged = new OwnedRecord(KEY, bytes("evil"), 2, real.issuedAtMillis(), real.ttlSeconds(),
                    real.owner(), real.signature());

            assertThat(store.put(forged).status()).isEqualTo(WriteStatus.BAD_SIGNATURE);
        }

        @Test
        void aValueAboveTheLimitIsTooLarge() {
            RecordStore small = store("dht.maxValueBytes=100");

            assertThat(small.put(OwnedRecord.sign(alice, KEY, new byte[101], 1, HOUR, NOW)).status())
                    .isEqualTo(WriteStatus.TOO_LARGE);
            assertThat(small.put(OwnedRecord.sign(alice, KEY, new byte[100], 1, HOUR, NOW)).status())
                    .isEqualTo(WriteStatus.OK);
        }

        @Test
        void aZeroOrExcessiveTtlIsBad() {
            assertThat(store.put(OwnedRecord.sign(alice, KEY, bytes("v"), 1, Duration.ZERO, NOW)).status())
                    .isEqualTo(WriteStatus.BAD_TTL);
            assertThat(store.put(OwnedRecord.sign(alice, KEY, bytes("v"), 1, Duration.ofDays(31), NOW)).status())
                    .isEqualTo(WriteStatus.BAD_TTL);
            assertThat(store.get(KEY)).isEmpty();
        }

        @Test
        void anIssueTimeTooFarAheadIsFromTheFuture() {
            OwnedRecord future = OwnedRecord.sign(alice, KEY, bytes("v"), 1, HOUR, NOW.plus(Duration.ofMinutes(6)));

            assertThat(store.put(future).status()).isEqualTo(WriteStatus.FROM_FUTURE);
        }

        @Test
        void anAlreadyExpiredRecordIsRefused() {
            OwnedRecord old = OwnedRecord.sign(alice, KEY, bytes("v"), 1, HOUR, NOW.minus(Duration.ofHours(2)));

            assertThat(store.put(old).status()).isEqualTo(WriteStatus.EXPIRED);
        }

        @Test
        void anExpiredRecordVanishesAndTheKeyCanBeClaimedByAnotherOwner() {
            store.put(record(alice, KEY, "v1", 1));

            clock.advance(HOUR.minusMillis(1));
            assertThat(store.get(KEY)).isPresent();
            clock.advance(Duration.ofMillis(1));
            assertThat(store.get(KEY)).isEmpty();

            OwnedRecord claim = record(mallory, KEY, "mine now", 1);
            assertThat(store.put(claim).status()).isEqualTo(WriteStatus.OK);
            assertThat(store.get(KEY)).contains(claim);
        }

        @Test
        void theStoreRefusesNewKeysWhenFullButStillTakesUpdates() {
            RecordStore small = store("dht.maxRecords=3");
            for (int i = 0; i < 3; i++) {
                assertThat(small.put(record(alice, NodeId.ofKey("k" + i), "v", 1)).status()).isEqualTo(WriteStatus.OK);
            }

            assertThat(small.put(record(alice, NodeId.ofKey("k3"), "v", 1)).status()).isEqualTo(WriteStatus.FULL);
            assertThat(small.putEntries(SET, List.of(entry(alice, "e", 1))).status()).isEqualTo(WriteStatus.FULL);
            assertThat(small.put(record(alice, NodeId.ofKey("k0"), "v2", 2)).status()).isEqualTo(WriteStatus.OK);
            assertThat(small.recordCount()).isEqualTo(3);
        }

        @Test
        void theByteBudgetRefusesWhatWouldOverflowItAndFreesWhatExpires() {
            String big = "x".repeat(900);
            RecordStore small = store("dht.maxStoreBytes=" + 3 * (900 + RecordStore.RECORD_OVERHEAD),
                    "dht.maxValueBytes=1000");
            for (int i = 0; i < 3; i++) {
                assertThat(small.put(record(alice, NodeId.ofKey("b" + i), big, 1)).status()).isEqualTo(WriteStatus.OK);
            }

            assertThat(small.put(record(alice, NodeId.ofKey("b3"), "tiny", 1)).status()).isEqualTo(WriteStatus.FULL);
            assertThat(small.putEntries(SET, List.of(entry(alice, "e", 1))).status()).isEqualTo(WriteStatus.FULL);
            assertThat(small.hasSet(SET)).isFalse();
            assertThat(small.put(record(alice, NodeId.ofKey("b0"), "smaller now", 2)).status())
                    .as("an update that shrinks fits").isEqualTo(WriteStatus.OK);
            assertThat(small.put(record(alice, NodeId.ofKey("b3"), "tiny", 1)).status()).isEqualTo(WriteStatus.OK);
            assertThat(small.bytes()).isEqualTo(2L * (900 + RecordStore.RECORD_OVERHEAD)
                    + "smaller now".length() + "tiny".length() + 2L * RecordStore.RECORD_OVERHEAD);
        }

        @Test
        void setsCountTowardsTheRecordLimit() {
            RecordStore small = store("dht.maxRecords=2");
            small.putEntries(SET, List.of(entry(alice, "e", 1)));
            small.put(record(alice, NodeId.ofKey("k0"), "v", 1));

            assertThat(small.put(record(alice, NodeId.ofKey("k1"), "v", 1)).status()).isEqualTo(WriteStatus.FULL);
            assertThat(small.putEntries(SET, List.of(entry(mallory, "e", 1))).status())
                    .as("an existing set may grow").isEqualTo(WriteStatus.OK);
        }

        @Test
        void theWriteIsDurableOnlyWhenTheJournalSaysSo() {
            journal.ack = new CompletableFuture<>();

            WriteOutcome outcome = store.put(record(alice, KEY, "v1", 1));

            assertThat(outcome.status()).isEqualTo(WriteStatus.OK);
            assertThat(outcome.durable()).isNotDone();
            journal.ack.complete(null);
            assertThat(outcome.durable()).isCompleted();
        }

        @Test
        void recordsIdleSinceListsThoseNobodyReStored() {
            OwnedRecord a = record(alice, NodeId.ofKey("a"), "v", 1);
            OwnedRecord b = record(alice, NodeId.ofKey("b"), "v", 1);
            store.put(a);
            store.put(b);
            long before = clock.millis();
            clock.advance(Duration.ofMinutes(10));
            store.put(b);

            assertThat(store.recordsIdleSince(before)).containsExactly(a);
        }
    }

    @Nested
    class Sets {
        private final RecordStore store = store();

        private List<SetEntry> all(RecordStore s) {
            List<SetEntry> out = new ArrayList<>();
            NodeId after = null;
            SetSlice slice;
            do {
                slice = s.page(SET, after, 1000);
                out.addAll(slice.entries());
                after = slice.entries().isEmpty() ? after : slice.entries().get(slice.entries().size() - 1)
                        .writerId();
            } while (slice.more());
            return out;
        }

        @Test
        void eachWriterHasItsOwnEntryAndPagesComeInWriterIdOrder() {
            List<SetEntry> written = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                written.add(entry(SigningKey.generate(keys), "w" + i, 1));
            }

            WriteOutcome outcome = store.putEntries(SET, written);

            assertThat(outcome.status()).isEqualTo(WriteStatus.OK);
            assertThat(outcome.accepted()).isEqualTo(5);
            assertThat(store.entryCount()).isEqualTo(5);
            assertThat(store.hasSet(SET)).isTrue();
            SetSlice page = store.page(SET, null, 10);
            assertThat(page.more()).isFalse();
            assertThat(page.entries()).containsExactlyElementsOf(
                    written.stream().sorted(Comparator.comparing(SetEntry::writerId)).toList());
            assertThat(journal.savedBatches).containsExactly(written);
        }

        @Test
        void aWriterReplacesItsEntryWithAHigherSeq() {
            store.putEntries(SET, List.of(entry(alice, "v1", 1)));
            SetEntry v2 = entry(alice, "v2", 2);

            assertThat(store.putEntries(SET, List.of(v2)).status()).isEqualTo(WriteStatus.OK);
            assertThat(store.page(SET, null, 10).entries()).containsExactly(v2);
            assertThat(store.entryCount()).isEqualTo(1);
        }

        @Test
        void aTombstoneReplacesTheEntryAndPagesStillCarryIt() {
            store.putEntries(SET, List.of(entry(alice, "follows", 1), entry(mallory, "follows", 1)));
            SetEntry tomb = SetEntry.tombstone(alice, SET, 2, HOUR, NOW);

            assertThat(store.putEntries(SET, List.of(tomb)).status()).isEqualTo(WriteStatus.OK);

            List<SetEntry> page = store.page(SET, null, 10).entries();
            assertThat(page).hasSize(2).contains(tomb);
            assertThat(page).filteredOn(SetEntry::tombstone).containsExactly(tomb);
        }

        @Test
        void aTombstoneCannotBeUndoneWithALowerSeq() {
            store.putEntries(SET, List.of(SetEntry.tombstone(alice, SET, 2, HOUR, NOW)));

            assertThat(store.putEntries(SET, List.of(entry(alice, "back", 1))).status())
                    .isEqualTo(WriteStatus.STALE);
            assertThat(store.page(SET, null, 10).entries()).singleElement().matches(SetEntry::tombstone);
        }

        @Test
        void aStaleEntryIsRefused() {
            SetEntry v3 = entry(alice, "v3", 3);
            store.putEntries(SET, List.of(v3));

            WriteOutcome outcome = store.putEntries(SET, List.of(entry(alice, "v2", 2)));

            assertThat(outcome.status()).isEqualTo(WriteStatus.STALE);
            assertThat(outcome.accepted()).isZero();
            assertThat(store.page(SET, null, 10).entries()).containsExactly(v3);
            assertThat(journal.savedBatches).hasSize(1);
        }

        @Test
        void theSameEntryAgainIsOkAndNotJournaledTwice() {
            SetEntry e = entry(alice, "v", 1);
            store.putEntries(SET, List.of(e));

            WriteOutcome again = store.putEntries(SET, List.of(e));

            assertThat(again.status()).isEqualTo(WriteStatus.OK);
            assertThat(again.accepted()).isEqualTo(1);
            assertThat(journal.savedBatches).hasSize(1);
        }

        @Test
        void anEntrySignedForAnotherSetIsRefused() {
            SetEntry elsewhere = SetEntry.sign(alice, NodeId.ofKey("followers/bob"), bytes("x"), 1, HOUR, NOW);

            WriteOutcome outcome = store.putEntries(SET, List.of(elsewhere));

            assertThat(outcome.status()).isEqualTo(WriteStatus.BAD_SIGNATURE);
            assertThat(outcome.accepted()).isZero();
            assertThat(store.hasSet(SET)).isFalse();
            assertThat(store.hasSet(NodeId.ofKey("followers/bob"))).isFalse();
        }

        @Test
        void aBatchStoresTheValidEntriesAndReportsTheFirstRefusal() {
            SetEntry good = entry(alice, "ok", 1);
            SetEntry r = entry(mallory, "x", 1);
            SetEntry forged = new SetEntry(SET, r.writer(), bytes("y"), 1, r.issuedAtMillis(), r.ttlSeconds(), false,
                    r.nonce(), r.signature());
            SetEntry tooOld = SetEntry.sign(SigningKey.generate(keys), SET, bytes("z"), 1, HOUR,
                    NOW.minus(Duration.ofHours(2)));

            WriteOutcome outcome = store.putEntries(SET, List.of(forged, good, tooOld));

            assertThat(outcome.status()).isEqualTo(WriteStatus.BAD_SIGNATURE);
            assertThat(outcome.accepted()).isEqualTo(1);
            assertThat(store.page(SET, null, 10).entries()).containsExactly(good);
            assertThat(journal.savedBatches).containsExactly(List.of(good));
        }

        @Test
        void anOversizedEntryIsTooLarge() {
            SetEntry big = SetEntry.sign(alice, SET, new byte[1025], 1, HOUR, NOW);

            assertThat(store.putEntries(SET, List.of(big)).status()).isEqualTo(WriteStatus.TOO_LARGE);
        }

        @Test
        void aFullSetRefusesNewWritersWithNoMoreWorkButLetsExistingOnesReplace() {
            RecordStore small = store("dht.maxSetEntries=3", "dht.setPageSize=3");
            List<SigningKey> writers = List.of(SigningKey.generate(keys), SigningKey.generate(keys),
                    SigningKey.generate(keys));
            for (SigningKey w : writers) {
                assertThat(small.putEntries(SET, List.of(TestEntries.exactly(w, entry(w, "v1", 1), 2))).status())
                        .isEqualTo(WriteStatus.OK);
            }

            assertThat(small.putEntries(SET, List.of(TestEntries.exactly(alice, entry(alice, "newcomer", 1), 2)))
                    .status()).isEqualTo(WriteStatus.FULL);
            SetEntry replaced = entry(writers.get(1), "v2", 2);
            assertThat(small.putEntries(SET, List.of(replaced)).status()).isEqualTo(WriteStatus.OK);
            assertThat(small.putEntries(SET, List.of(SetEntry.tombstone(writers.get(2), SET, 2, HOUR, NOW)))
                    .status()).isEqualTo(WriteStatus.OK);
            assertThat(small.entryCount()).isEqualTo(3);
            assertThat(small.page(SET, null, 3).entries()).contains(replaced);
        }

        @Test
        void pagingVisitsTenThousandEntriesExactlyOnceInWriterIdOrder() {
            List<SetEntry> written = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                written.add(entry(SigningKey.generate(keys), Integer.toString(i), 1));
            }
            for (int i = 0; i < written.size(); i += 500) {
                assertThat(store.putEntries(SET, written.subList(i, i + 500)).accepted()).isEqualTo(500);
            }

            List<NodeId> visited = new ArrayList<>();
            NodeId after = null;
            int pages = 0;
            SetSlice slice;
            do {
                slice = store.page(SET, after, 200);
                pages++;
                assertThat(slice.entries()).hasSizeLessThanOrEqualTo(200);
                for (SetEntry e : slice.entries()) {
                    visited.add(e.writerId());
                }
                after = visited.get(visited.size() - 1);
            } while (slice.more());

            List<NodeId> expected = written.stream().map(SetEntry::writerId).sorted().toList();
            assertThat(visited).containsExactlyElementsOf(expected);
            assertThat(new HashSet<>(visited)).hasSize(10_000);
            assertThat(pages).isEqualTo(50);
        }

        @Test
        void pagingAfterAnIdThatIsNotInTheSetStartsAtTheNextWriter() {
            List<SetEntry> written = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                written.add(entry(SigningKey.generate(keys), "v", 1));
            }
            store.putEntries(SET, written);
            List<NodeId> ids = written.stream().map(SetEntry::writerId).sorted().toList();
            byte[] between = ids.get(4).toBytes();
            between[31]++;
            NodeId gap = NodeId.of(between);

            SetSlice slice = store.page(SET, gap, 3);

            assertThat(slice.entries()).extracting(SetEntry::writerId).containsExactly(ids.get(5), ids.get(6),
                    ids.get(7));
            assertThat(slice.more()).isTrue();
            assertThat(store.page(SET, ids.get(16), 3).more()).as("exactly three left").isFalse();
        }

        @Test
        void anUnknownSetHasAnEmptyLastPage() {
            SetSlice slice = store.page(SET, null, 10);

            assertThat(slice.entries()).isEmpty();
            assertThat(slice.more()).isFalse();
            assertThat(store.hasSet(SET)).isFalse();
        }

        @Test
        void expiredEntriesAreSkippedByPages() {
            SetEntry shortLived = SetEntry.sign(alice, SET, bytes("a"), 1, Duration.ofMinutes(1), NOW);
            SetEntry longLived = entry(mallory, "b", 1);
            store.putEntries(SET, List.of(shortLived, longLived));

            clock.advance(Duration.ofMinutes(1));

            assertThat(store.page(SET, null, 10).entries()).containsExactly(longLived);
            assertThat(all(store)).containsExactly(longLived);
        }

        @Test
        void aWriterMayReclaimItsExpiredSlotWithALowerSeq() {
            store.putEntries(SET, List.of(SetEntry.sign(alice, SET, bytes("a"), 5, Duration.ofMinutes(1), NOW)));
            clock.advance(Duration.ofMinutes(2));

            assertThat(store.putEntries(SET, List.of(entry(alice, "fresh", 1))).status()).isEqualTo(WriteStatus.OK);
        }
    }

    @Nested
    class Expiry {
        private final RecordStore store = store();

        @Test
        void purgeExpiredDropsWhatExpiredHereAndInTheJournal() {
            OwnedRecord brief = OwnedRecord.sign(alice, NodeId.ofKey("brief"), bytes("v"), 1, Duration.ofMinutes(1),
                    NOW);
            OwnedRecord lasting = record(alice, KEY, "v", 1);
            SetEntry briefEntry = SetEntry.sign(mallory, SET, bytes("e"), 1, Duration.ofMinutes(1), NOW);
            NodeId otherSet = NodeId.ofKey("other-set");
            SetEntry lastingEntry = SetEntry.sign(alice, otherSet, bytes("e"), 1, HOUR, NOW);
            store.put(brief);
            store.put(lasting);
            store.putEntries(SET, List.of(briefEntry));
            store.putEntries(otherSet, List.of(lastingEntry));

            assertThat(store.purgeExpired()).as("nothing expired yet").isZero();
            clock.advance(Duration.ofMinutes(1));
            int purged = store.purgeExpired();

            assertThat(purged).isEqualTo(2);
            assertThat(store.recordCount()).isEqualTo(1);
            assertThat(store.entryCount()).isEqualTo(1);
            assertThat(store.hasSet(SET)).as("an emptied set goes entirely").isFalse();
            assertThat(store.hasSet(otherSet)).isTrue();
            assertThat(journal.deletedRecords).containsExactly(NodeId.ofKey("brief"));
            assertThat(journal.deletedEntryWriters).containsExactly(mallory.nodeId());
            assertThat(store.purgeExpired()).isZero();
        }

        @Test
        void purgingAnEmptiedSetFreesRoomForNewKeys() {
            RecordStore small = store("dht.maxRecords=1");
            small.putEntries(SET, List.of(SetEntry.sign(alice, SET, bytes("e"), 1, Duration.ofMinutes(1), NOW)));
            assertThat(small.put(record(alice, KEY, "v", 1)).status()).isEqualTo(WriteStatus.FULL);

            clock.advance(Duration.ofMinutes(1));
            small.purgeExpired();

            assertThat(small.put(record(alice, KEY, "v", 1)).status()).isEqualTo(WriteStatus.OK);
        }
    }

    @Nested
    class Restore {
        private final RecordStore store = store();

        @Test
        void restoreKeepsValidLiveItemsAndDropsTheRest() {
            OwnedRecord good = record(alice, KEY, "v", 1);
            OwnedRecord expired = OwnedRecord.sign(alice, NodeId.ofKey("old"), bytes("v"), 1, Duration.ofMinutes(1),
                    NOW.minus(Duration.ofMinutes(2)));
            OwnedRecord r = record(alice, NodeId.ofKey("tampered"), "v", 1);
            OwnedRecord tampered = new OwnedRecord(r.key(), bytes("w"), 1, r.issuedAtMillis(), r.ttlSeconds(),
                    r.owner(), r.signature());
            SetEntry goodEntry = entry(mallory, "e", 1);
            SetEntry e = entry(alice, "e", 1);
            SetEntry badEntry = new SetEntry(SET, e.writer(), bytes("f"), 1, e.issuedAtMillis(), e.ttlSeconds(),
                    false, e.nonce(), e.signature());

            int restored = store.restore(List.of(good, expired, tampered), List.of(goodEntry, badEntry));

            assertThat(restored).isEqualTo(2);
            assertThat(store.get(KEY)).contains(good);
            assertThat(store.get(NodeId.ofKey("old"))).isEmpty();
            assertThat(store.get(NodeId.ofKey("tampered"))).isEmpty();
            assertThat(store.page(SET, null, 10).entries()).containsExactly(goodEntry);
            assertThat(journal.savedRecords).as("restoring does not write back").isEmpty();
            assertThat(journal.savedBatches).isEmpty();
        }

        @Test
        void restoredRecordsStillGuardTheirKeys() {
            store.restore(List.of(record(alice, KEY, "v", 3)), List.of());

            assertThat(store.put(record(mallory, KEY, "x", 9)).status()).isEqualTo(WriteStatus.FORBIDDEN);
            assertThat(store.put(record(alice, KEY, "x", 2)).status()).isEqualTo(WriteStatus.STALE);
            assertThat(store.put(record(alice, KEY, "x", 4)).status()).isEqualTo(WriteStatus.OK);
        }
    }

    @Test
    void entriesIdleSinceGroupsIdleEntriesBySet() {
        RecordStore store = store();
        SetEntry a = entry(alice, "a", 1);
        SetEntry b = entry(mallory, "b", 1);
        store.putEntries(SET, List.of(a, b));
        long before = clock.millis();
        clock.advance(Duration.ofMinutes(5));
        store.putEntries(SET, List.of(b));

        assertThat(store.entriesIdleSince(before)).containsOnlyKeys(SET);
        assertThat(store.entriesIdleSince(before).get(SET)).containsExactly(a);
    }
}
