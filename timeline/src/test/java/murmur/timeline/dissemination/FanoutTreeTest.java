package murmur.timeline.dissemination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FanoutTreeTest {

    @Test
    void entryIForwardsToTwoIPlusOneAndTwoIPlusTwoWhenTheyExist() {
        assertThat(FanoutTree.children(0, 10, 2)).containsExactly(1, 2);
        assertThat(FanoutTree.children(4, 10, 2)).containsExactly(9);
        assertThat(FanoutTree.children(5, 10, 2)).isEmpty();
    }

    @Test
    void depthIsTheLevelInTheHeap() {
        assertThat(List.of(0, 1, 2, 3, 6, 7, 14, 15, 1000).stream().map(i -> FanoutTree.depth(i, 2)))
                .containsExactly(0, 1, 1, 2, 2, 3, 3, 4, 9);
    }

    @Test
    void aSubtreeTakenLevelByLevelIsAHeapRootedAtItsFirstEntry() {
        List<Integer> heap = IntStream.range(0, 12).boxed().toList();
        assertThat(FanoutTree.subtree(heap, 1, 2)).containsExactly(1, 3, 4, 7, 8, 9, 10);
        assertThat(FanoutTree.subtree(heap, 2, 2)).containsExactly(2, 5, 6, 11);
        List<Integer> sub = FanoutTree.subtree(heap, 1, 2);
        assertThat(FanoutTree.children(0, sub.size(), 2).stream().map(sub::get)).containsExactly(3, 4);
        assertThat(FanoutTree.children(1, sub.size(), 2).stream().map(sub::get)).containsExactly(7, 8);
    }

    @Test
    void forwardingThroughSubtreesReachesEveryEntryExactlyOnceWithinLogDepth() {
        for (int size : List.of(1, 2, 3, 7, 8, 100, 1001)) {
            List<Integer> heap = IntStream.range(0, size).boxed().toList();
            List<Integer> reached = new ArrayList<>();
            Set<Integer> depths = new HashSet<>();
            walk(heap, 0, reached, depths, 2);
            assertThat(reached).hasSize(size).doesNotHaveDuplicates();
            assertThat(depths.stream().mapToInt(d -> d).max().orElse(0))
                    .isLessThanOrEqualTo((int) Math.floor(Math.log(size) / Math.log(2)));
        }
    }

    @Test
    void inATreeOfDegreeDEntryIForwardsToDIPlusOneUpToDIPlusD() {
        assertThat(FanoutTree.children(0, 100, 4)).containsExactly(1, 2, 3, 4);
        assertThat(FanoutTree.children(2, 100, 4)).containsExactly(9, 10, 11, 12);
        assertThat(FanoutTree.children(2, 11, 4)).containsExactly(9, 10);
        assertThat(FanoutTree.children(3, 11, 4)).isEmpty();
        assertThat(FanoutTree.children(1, 100, 8)).containsExactly(9, 10, 11, 12, 13, 14, 15, 16);
        assertThat(FanoutTree.children(0, 100, 2)).containsExactly(1, 2);
    }

    @Test
    void depthInATreeOfDegreeDIsTheLevelInItsHeap() {
        assertThat(List.of(0, 1, 4, 5, 20, 21, 84, 85, 1000).stream().map(i -> FanoutTree.depth(i, 4)))
                .containsExactly(0, 1, 1, 2, 2, 3, 3, 4, 5);
        assertThat(List.of(0, 8, 9, 72, 73, 584, 585).stream().map(i -> FanoutTree.depth(i, 8)))
                .containsExactly(0, 1, 2, 2, 3, 3, 4);
        for (int i = 0; i < 2000; i++) {
            assertThat(FanoutTree.depth(i, 2)).isEqualTo(31 - Integer.numberOfLeadingZeros(i + 1));
        }
    }

    @Test
    void aSubtreeOfATreeOfDegreeDIsAHeapOfThatDegree() {
        List<Integer> heap = IntStream.range(0, 30).boxed().toList();
        assertThat(FanoutTree.subtree(heap, 1, 4)).containsExactly(1, 5, 6, 7, 8, 21, 22, 23, 24, 25, 26, 27, 28,
                29);
        List<Integer> sub = FanoutTree.subtree(heap, 1, 4);
        assertThat(FanoutTree.children(0, sub.size(), 4).stream().map(sub::get)).containsExactly(5, 6, 7, 8);
        assertThat(FanoutTree.children(1, sub.size(), 4).stream().map(sub::get)).containsExactly(21, 22, 23, 24);
        assertThat(FanoutTree.subtree(heap, 3, 8)).containsExactly(3, 25, 26, 27, 28, 29);
    }

    @Test
    void forwardingThroughSubtreesOfAnyDegreeReachesEveryEntryExactlyOnceWithinLogDepth() {
        for (int degree : List.of(2, 3, 4, 8, 16)) {
            for (int size : List.of(1, 2, 5, 17, 100, 1001, 5000)) {
                List<Integer> heap = IntStream.range(0, size).boxed().toList();
                List<Integer> reached = new ArrayList<>();
                Set<Integer> depths = new HashSet<>();
                walk(heap, 0, reached, depths, degree);
                assertThat(reached).as("degree %d, size %d", degree, size).hasSize(size).doesNotHaveDuplicates();
                assertThat(depths.stream().mapToInt(d -> d).max().orElse(0))
                        .isEqualTo(FanoutTree.depth(size - 1, degree))
                        .isLessThanOrEqualTo((int) Math.ceil(Math.log(size) / Math.log(degree)));
            }
        }
    }

    @Test
    void degreesOutsideTwoToSixteenAreRefused() {
        for (int degree : List.of(-1, 0, 1, 17, 256)) {
            assertThat(FanoutTree.validDegree(degree)).isFalse();
            assertThatThrownBy(() -> FanoutTree.children(0, 10, degree)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(FanoutTree.validDegree(2)).isTrue();
        assertThat(FanoutTree.validDegree(16)).isTrue();
    }

    private static void walk(List<Integer> tree, int depth, List<Integer> reached, Set<Integer> depths,
            int degree) {
        reached.add(tree.get(0));
        depths.add(depth);
        for (int c : FanoutTree.children(0, tree.size(), degree)) {
            walk(FanoutTree.subtree(tree, c, degree), depth + 1, reached, depths, degree);
        }
    }
}
