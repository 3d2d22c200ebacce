package murmur.timeline.dissemination;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FanoutTreeTest {

    @Test
    void entryIForwardsToTwoIPlusOneAndTwoIPlusTwoWhenTheyExist() {
        assertThat(FanoutTree.children(0, 10)).containsExactly(1, 2);
        assertThat(FanoutTree.children(4, 10)).containsExactly(9);
        assertThat(FanoutTree.children(5, 10)).isEmpty();
    }

    @Test
    void depthIsTheLevelInTheHeap() {
        assertThat(List.of(0, 1, 2, 3, 6, 7, 14, 15, 1000).stream().map(FanoutTree::depth))
                .containsExactly(0, 1, 1, 2, 2, 3, 3, 4, 9);
    }

    @Test
    void aSubtreeTakenLevelByLevelIsAHeapRootedAtItsFirstEntry() {
        List<Integer> heap = IntStream.range(0, 12).boxed().toList();
        assertThat(FanoutTree.subtree(heap, 1)).containsExactly(1, 3, 4, 7, 8, 9, 10);
        assertThat(FanoutTree.subtree(heap, 2)).containsExactly(2, 5, 6, 11);
        List<Integer> sub = FanoutTree.subtree(heap, 1);
        assertThat(FanoutTree.children(0, sub.size()).stream().map(sub::get)).containsExactly(3, 4);
        assertThat(FanoutTree.children(1, sub.size()).stream().map(sub::get)).containsExactly(7, 8);
    }

    @Test
    void forwardingThroughSubtreesReachesEveryEntryExactlyOnceWithinLogDepth() {
        for (int size : List.of(1, 2, 3, 7, 8, 100, 1001)) {
            List<Integer> heap = IntStream.range(0, size).boxed().toList();
            List<Integer> reached = new ArrayList<>();
            Set<Integer> depths = new HashSet<>();
            walk(heap, 0, reached, depths);
            assertThat(reached).hasSize(size).doesNotHaveDuplicates();
            assertThat(depths.stream().mapToInt(d -> d).max().orElse(0))
                    .isLessThanOrEqualTo((int) Math.floor(Math.log(size) / Math.log(2)));
        }
    }

    private static void walk(List<Integer> tree, int depth, List<Integer> reached, Set<Integer> depths) {
        reached.add(tree.get(0));
        depths.add(depth);
        for (int c : FanoutTree.children(0, tree.size())) {
            walk(FanoutTree.subtree(tree, c), depth + 1, reached, depths);
        }
    }
}
