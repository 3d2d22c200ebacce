package murmur.dht.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import murmur.dht.NodeId;
import murmur.dht.TestClock;
import org.junit.jupiter.api.Test;

class RoutingTableTest {
    private final Random random = new Random(41);
    private final TestClock clock = new TestClock();
    private final NodeId self = NodeId.random(random);
    private int port = 1;

    private Contact contact(NodeId id) {
        return new Contact(id, new InetSocketAddress("10.0.0.1", port++));
    }

    private Contact inBucket(int bucket) {
        return contact(self.randomWithPrefix(bucket, random));
    }

    /** A table that checks its least recently seen member whenever a newcomer meets a full bucket. */
    private RoutingTable table(int k, int replacements, int staleAfter) {
        return new RoutingTable(self, k, replacements, staleAfter, Duration.ZERO, clock);
    }

    private static List<Contact> bruteForce(List<Contact> all, NodeId target, int n) {
        Comparator<Contact> byDistance = (a, b) -> target.compareDistance(a.id(), b.id());
        return all.stream().sorted(byDistance).limit(n).toList();
    }

    @Test
    void closestMatchesABruteForceSortOverEveryContact() {
        RoutingTable table = table(20, 5, 3);
        for (int i = 0; i < 3000; i++) {
            // a spread over many buckets: most random ids would land in the first few
            table.seen(i % 3 == 0 ? contact(NodeId.random(random)) : inBucket(random.nextInt(40)));
        }
        List<Contact> all = table.all();
        assertThat(all).hasSizeGreaterThan(500);

        List<NodeId> targets = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            targets.add(NodeId.random(random));
            targets.add(self.randomWithPrefix(random.nextInt(60), random));
            targets.add(all.get(random.nextInt(all.size())).id());
        }
        targets.add(self);
        for (NodeId target : targets) {
            List<Contact> sorted = bruteForce(all, target, all.size());
            for (int n : new int[] {1, 3, 20, 57, all.size() + 10}) {
                List<Contact> closest = table.closest(target, n);
                if (!closest.equals(sorted.subList(0, Math.min(n, sorted.size())))) {
                    assertThat(closest).as("target %s, n %d", target, n)
                            .containsExactlyElementsOf(sorted.subList(0, Math.min(n, sorted.size())));
                }
            }
        }
    }

    @Test
    void closestOnAnEmptyTableIsEmpty() {
        assertThat(table(20, 5, 3).closest(NodeId.random(random), 20)).isEmpty();
    }

    @Test
    void aFullBucketAsksToPingItsLeastRecentlySeenAndParksTheNewcomer() {
        RoutingTable table = table(3, 5, 3);
        Contact a = inBucket(0);
        Contact b = inBucket(0);
        Contact c = inBucket(0);
        Contact newcomer = inBucket(0);
        assertThat(table.seen(a)).isEmpty();
        assertThat(table.seen(b)).isEmpty();
        assertThat(table.seen(c)).isEmpty();

        assertThat(table.seen(newcomer)).contains(a);
        assertThat(table.contains(newcomer.id())).isFalse();
        assertThat(table.size()).isEqualTo(3);

        table.failed(a);

        assertThat(table.contains(a.id())).isFalse();
        assertThat(table.contains(newcomer.id())).as("promoted from the replacement cache").isTrue();
        assertThat(table.all()).containsExactlyInAnyOrder(b, c, newcomer);
    }

    @Test
    void seeingAContactAgainMakesItTheMostRecentlySeen() {
        RoutingTable table = table(3, 5, 3);
        Contact a = inBucket(0);
        Contact b = inBucket(0);
        Contact c = inBucket(0);
        table.seen(a);
        table.seen(b);
        table.seen(c);

        table.seen(a);

        assertThat(table.seen(inBucket(0))).contains(b);
    }

    @Test
    void anLeastRecentlySeenContactThatAnswersStaysAndTheNewcomerWaits() {
        RoutingTable table = table(2, 5, 3);
        Contact a = inBucket(1);
        Contact b = inBucket(1);
        Contact newcomer = inBucket(1);
        table.seen(a);
        table.seen(b);
        assertThat(table.seen(newcomer)).contains(a);

        table.seen(a); // the ping was answered

        assertThat(table.all()).containsExactlyInAnyOrder(a, b);
        table.failed(b);
        assertThat(table.all()).as("the parked newcomer fills the next vacancy").containsExactlyInAnyOrder(a,
                newcomer);
    }

    @Test
    void aFullBucketOfMembersHeardFromLatelyAsksForNoPingUntilTheOldestFallsSilentForTheFreshPeriod() {
        RoutingTable table = new RoutingTable(self, 2, 5, 3, Duration.ofMinutes(1), clock);
        Contact a = inBucket(0);
        Contact b = inBucket(0);
        table.seen(a);
        clock.advance(Duration.ofSeconds(20));
        table.seen(b);

        assertThat(table.seen(inBucket(0))).as("a was heard from 20 s ago").isEmpty();
        assertThat(table.hasRoomFor(inBucket(0))).isFalse();
        assertThat(table.oldestToCheck(inBucket(0))).isEmpty();

        clock.advance(Duration.ofSeconds(40));
        Contact newcomer = inBucket(0);
        assertThat(table.oldestToCheck(newcomer)).as("a silent for the whole minute").contains(a);
        assertThat(table.seen(newcomer)).contains(a);
        assertThat(table.oldestToCheck(b)).as("a member has its place").isEmpty();

        table.seen(a); // the ping was answered
        assertThat(table.seen(inBucket(0))).as("b was heard from 40 s ago, a just now").isEmpty();
        assertThat(table.all()).containsExactlyInAnyOrder(a, b);
    }

    @Test
    void theMostRecentReplacementIsPromotedFirstAndTheCacheIsBounded() {
        RoutingTable table = table(1, 2, 5);
        Contact member = inBucket(0);
        Contact r1 = inBucket(0);
        Contact r2 = inBucket(0);
        Contact r3 = inBucket(0);
        table.seen(member);
        table.seen(r1);
        table.seen(r2);
        table.seen(r3);

        table.failed(member);
        assertThat(table.all()).containsExactly(r3);
        table.failed(r3);
        assertThat(table.all()).containsExactly(r2);
        table.failed(r2);
        assertThat(table.all()).as("r1 fell out of the two-slot cache; r2 stays until stale")
                .containsExactly(r2);
    }

    @Test
    void withoutAReplacementAContactIsDroppedAfterStaleAfterFailures() {
        RoutingTable table = table(20, 5, 3);
        Contact a = inBucket(7);
        table.seen(a);

        table.failed(a);
        table.failed(a);
        assertThat(table.contains(a.id())).isTrue();
        table.failed(a);

        assertThat(table.contains(a.id())).isFalse();
        assertThat(table.size()).isZero();
    }

    @Test
    void anAnswerResetsTheFailureCount() {
        RoutingTable table = table(20, 5, 3);
        Contact a = inBucket(7);
        table.seen(a);
        table.failed(a);
        table.failed(a);

        table.seen(a);
        table.failed(a);
        table.failed(a);

        assertThat(table.contains(a.id())).isTrue();
    }

    @Test
    void failedForAParkedReplacementDropsItFromTheCache() {
        RoutingTable table = table(1, 5, 5);
        Contact member = inBucket(0);
        Contact parked = inBucket(0);
        table.seen(member);
        table.seen(parked);

        table.failed(parked);
        table.failed(member);

        assertThat(table.all()).as("nothing to promote").containsExactly(member);
    }

    @Test
    void contactsThatFailedLatelyComeAfterHealthyOnes() {
        RoutingTable table = table(20, 5, 5);
        NodeId target = self.randomWithPrefix(3, random);
        Contact near = contact(target.randomWithPrefix(200, random));
        Contact far = contact(target.randomWithPrefix(10, random));
        Contact farther = contact(target.randomWithPrefix(4, random));
        table.seen(near);
        table.seen(far);
        table.seen(farther);
        assertThat(table.closest(target, 3)).containsExactly(near, far, farther);

        table.failed(near);

        assertThat(table.closest(target, 3)).containsExactly(far, farther, near);
        assertThat(table.closest(target, 2)).containsExactly(far, farther);
        table.seen(near);
        assertThat(table.closest(target, 1)).containsExactly(near);
    }

    @Test
    void aSuspectedContactWaitsBehindHealthyOnesUntilItAnswersAgain() {
        RoutingTable table = table(20, 5, 5);
        NodeId target = self.randomWithPrefix(3, random);
        Contact near = contact(target.randomWithPrefix(200, random));
        Contact far = contact(target.randomWithPrefix(10, random));
        table.seen(near);
        table.seen(far);

        table.suspect(near);

        assertThat(table.closest(target, 2)).containsExactly(far, near);
        assertThat(table.contains(near.id())).isTrue();
        table.seen(near);
        assertThat(table.closest(target, 2)).containsExactly(near, far);
    }

    @Test
    void failingContactsAreOrderedByDistanceAmongThemselves() {
        RoutingTable table = table(20, 5, 5);
        NodeId target = NodeId.random(random);
        List<Contact> contacts = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Contact c = contact(NodeId.random(random));
            contacts.add(c);
            table.seen(c);
        }
        List<Contact> present = table.all();
        List<Contact> failing = new ArrayList<>();
        for (int i = 0; i < present.size(); i += 2) {
            table.failed(present.get(i));
            failing.add(present.get(i));
        }
        List<Contact> healthy = new ArrayList<>(present);
        healthy.removeAll(failing);

        List<Contact> expected = new ArrayList<>(bruteForce(healthy, target, healthy.size()));
        expected.addAll(bruteForce(failing, target, failing.size()));
        assertThat(table.closest(target, present.size())).containsExactlyElementsOf(expected);
    }

    @Test
    void theTableNeverStoresItself() {
        RoutingTable table = table(20, 5, 3);
        Contact me = contact(self);

        assertThat(table.seen(me)).isEmpty();
        table.failed(me);
        table.lookedUp(self);

        assertThat(table.size()).isZero();
        assertThat(table.contains(self)).isFalse();
        assertThat(table.closest(self, 5)).isEmpty();
        assertThat(table.self()).isEqualTo(self);
    }

    @Test
    void seeingAKnownIdAtANewAddressUpdatesTheAddress() {
        RoutingTable table = table(20, 5, 3);
        NodeId id = self.randomWithPrefix(2, random);
        table.seen(new Contact(id, new InetSocketAddress("10.0.0.1", 1000)));
        Contact moved = new Contact(id, new InetSocketAddress("10.0.0.2", 2000));

        table.seen(moved);

        assertThat(table.all()).containsExactly(moved);
    }

    @Test
    void bucketsWithoutALookupForTheIntervalNeedARefresh() {
        RoutingTable table = table(20, 5, 3);
        table.seen(inBucket(0));
        table.seen(inBucket(5));
        Duration interval = Duration.ofHours(1);

        assertThat(table.bucketsToRefresh(interval)).isEmpty();
        clock.advance(Duration.ofMinutes(59));
        assertThat(table.bucketsToRefresh(interval)).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        assertThat(table.bucketsToRefresh(interval)).containsExactly(0, 5);

        table.lookedUp(self.randomWithPrefix(5, random));

        assertThat(table.bucketsToRefresh(interval)).containsExactly(0);
    }

    @Test
    void emptyBucketsAreNeverDueForRefresh() {
        RoutingTable table = table(20, 5, 3);
        table.lookedUp(self.randomWithPrefix(9, random));

        clock.advance(Duration.ofDays(1));

        assertThat(table.bucketsToRefresh(Duration.ofHours(1))).isEmpty();
    }

    @Test
    void closestNonEmptyBucketIsTheLongestSharedPrefix() {
        RoutingTable table = table(20, 5, 3);
        assertThat(table.closestNonEmptyBucket()).isEqualTo(-1);

        table.seen(inBucket(3));
        table.seen(inBucket(10));
        table.seen(inBucket(1));

        assertThat(table.closestNonEmptyBucket()).isEqualTo(10);
        Contact deepest = inBucket(255);
        table.seen(deepest);
        assertThat(table.closestNonEmptyBucket()).isEqualTo(255);
        for (int i = 0; i < 3; i++) {
            table.failed(deepest);
        }
        assertThat(table.closestNonEmptyBucket()).isEqualTo(10);
    }

    @Test
    void eachBucketHoldsAtMostK() {
        RoutingTable table = table(4, 2, 3);
        List<Optional<Contact>> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            answers.add(table.seen(inBucket(6)));
        }

        assertThat(table.size()).isEqualTo(4);
        assertThat(answers.subList(0, 4)).allMatch(Optional::isEmpty);
        assertThat(answers.subList(4, 10)).allMatch(Optional::isPresent);
    }
}
