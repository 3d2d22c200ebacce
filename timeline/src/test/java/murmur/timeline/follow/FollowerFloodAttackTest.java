package murmur.timeline.follow;

import static murmur.timeline.testing.LocalNet.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import murmur.dht.DhtObserver;
import murmur.dht.NodeId;
import murmur.dht.SetEntry;
import murmur.dht.SigningKey;
import murmur.dht.TestClock;
import murmur.dht.TestEntries;
import murmur.dht.TestKeys;
import murmur.dht.node.DhtNode;
import murmur.timeline.TimelineService;
import murmur.timeline.identity.UserDirectory;
import murmur.timeline.identity.WriterChecks;
import murmur.timeline.records.FollowerEntryValue;
import murmur.timeline.records.Keys;
import murmur.timeline.records.RecordJson;
import murmur.timeline.store.Database;
import murmur.timeline.testing.MemoryNet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sybil followers (issue 14, item 4), as a reader of {@code followers/<name>} pays for them: a thousand fresh keys,
 * each naming a user who does not exist. Every post of the author reads the set, and checking each entry against
 * the account it names was one DHT lookup per entry, every time (1,001 lookups per read before this defence). Now a
 * read looks up at most {@link WriterChecks#LOOKUPS_PER_READ} accounts, and a refused entry is not looked up again
 * for {@link WriterChecks#REMEMBER}; the honest follower is found within a few reads and then costs nothing.
 */
@Timeout(120)
class FollowerFloodAttackTest {
    private static final int SYBILS = 1000;
    private static final int WORK = 8;

    @Test
    void aFloodOfFollowersWhoDoNotExistCostsAReaderBoundedLookupsAndOnlyOnceAWhile(@TempDir Path a, @TempDir Path b,
            @TempDir Path db) throws Exception {
        try (MemoryNet net = MemoryNet.start(2, List.of("dht.setMinWorkBits=" + WORK));
                Database local = Database.open(db)) {
            await(net.peer(a).register("ff_star", "quartz lantern meadow 7"));
            TimelineService fan = await(net.peer(b).register("ff_fan", "quartz lantern meadow 8"));
            await(fan.follow("ff_star"));
            flood(net.reader(), Keys.followers("ff_star"));

            AtomicInteger lookups = new AtomicInteger();
            DhtNode reader = net.reader(new DhtObserver() {
                @Override
                public void lookupStarted(String mode) {
                    if (mode.equals("value")) {
                        lookups.incrementAndGet();
                    }
                }
            });
            TestClock clock = new TestClock(Instant.now());
            FollowGraph graph = new FollowGraph(reader, new UserDirectory(reader, local, clock));

            List<Integer> costs = new ArrayList<>();
            List<String> followers = List.of();
            int cycle = (SYBILS + 1 + WriterChecks.LOOKUPS_PER_READ - 1) / WriterChecks.LOOKUPS_PER_READ;
            for (int read = 0; read < cycle; read++) {
                lookups.set(0);
                List<String> found = await(graph.followersOf("ff_star"));
                followers = found.isEmpty() ? followers : found;
                costs.add(lookups.get());
            }

            assertThat(followers).as("the honest follower, found within %d reads", cycle).containsExactly("ff_fan");
            assertThat(costs).as("account lookups per read").allMatch(c -> c <= WriterChecks.LOOKUPS_PER_READ);
            assertThat(costs.stream().mapToInt(Integer::intValue).sum()).as("each entry looked up once")
                    .isEqualTo(SYBILS + 1);
            lookups.set(0);
            assertThat(await(graph.followersOf("ff_star"))).containsExactly("ff_fan");
            assertThat(lookups.get()).as("a read once every entry was checked").isZero();

            clock.advance(WriterChecks.REMEMBER.plus(Duration.ofMinutes(1)));
            lookups.set(0);
            assertThat(await(graph.followersOf("ff_star"))).containsExactly("ff_fan");
            assertThat(lookups.get()).as("refusals lapse, and cost the budget again at most")
                    .isEqualTo(WriterChecks.LOOKUPS_PER_READ);
        }
    }

    /** {@value #SYBILS} fresh keys, each claiming to be a user nobody registered. */
    private static void flood(DhtNode writer, NodeId set) {
        SecureRandom keys = TestKeys.seeded(81);
        List<CompletableFuture<?>> writes = new ArrayList<>();
        for (int i = 0; i < SYBILS; i++) {
            SigningKey key = SigningKey.generate(keys);
            SetEntry e = SetEntry.sign(key, set, RecordJson.encode(new FollowerEntryValue("ghost_" + i)), 1,
                    Duration.ofDays(30), Instant.now());
            writes.add(writer.putEntry(TestEntries.worked(key, e, WORK)));
        }
        await(CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)));
    }
}
