package murmur.timeline.dissemination;

import java.util.ArrayList;
import java.util.List;

/**
 * The arithmetic of a dissemination tree laid out as a heap: entry {@code i} forwards to {@code 2i+1} and
 * {@code 2i+2}. A subtree taken level by level is again such a heap, with its root at 0.
 */
final class FanoutTree {

    private FanoutTree() {}

    /** The children of {@code index} that exist in a tree of {@code size} entries. */
    static List<Integer> children(int index, int size) {
        List<Integer> children = new ArrayList<>(2);
        for (long c = 2L * index + 1; c <= 2L * index + 2 && c < size; c++) {
            children.add((int) c);
        }
        return children;
    }

    /** Hops from the root to {@code index}. */
    static int depth(int index) {
        return 31 - Integer.numberOfLeadingZeros(index + 1);
    }

    /** The entry at {@code root} and everything below it, level by level: a heap whose entry 0 is {@code root}. */
    static <T> List<T> subtree(List<T> heap, int root) {
        List<T> out = new ArrayList<>();
        long start = root;
        long width = 1;
        while (start < heap.size()) {
            long end = Math.min(start + width, heap.size());
            for (long i = start; i < end; i++) {
                out.add(heap.get((int) i));
            }
            start = 2 * start + 1;
            width *= 2;
        }
        return out;
    }
}
