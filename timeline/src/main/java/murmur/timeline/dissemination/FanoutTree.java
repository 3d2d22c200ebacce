package murmur.timeline.dissemination;

import java.util.ArrayList;
import java.util.List;

/**
 * The arithmetic of a dissemination tree of degree {@code d} laid out as a heap: entry {@code i} forwards to
 * {@code d*i+1} up to {@code d*i+d}. A subtree taken level by level is again such a heap, with its root at 0. The
 * binary tree ({@value #BINARY}) is the default; the author may choose a wider one, up to {@value #MAX_DEGREE}, and
 * the degree travels with the push.
 */
final class FanoutTree {
    /** The degree of a push that names none. */
    static final int BINARY = 2;
    static final int MIN_DEGREE = 2;
    static final int MAX_DEGREE = 16;

    private FanoutTree() {}

    /** The children of {@code index} that exist in a tree of degree {@code degree} and {@code size} entries. */
    static List<Integer> children(int index, int size, int degree) {
        check(degree);
        List<Integer> children = new ArrayList<>(degree);
        long first = (long) degree * index + 1;
        for (long c = first; c < first + degree && c < size; c++) {
            children.add((int) c);
        }
        return children;
    }

    /** Hops from the root to {@code index} in a tree of degree {@code degree}. */
    static int depth(int index, int degree) {
        check(degree);
        int depth = 0;
        long levelEnd = 1;
        long width = 1;
        while (index >= levelEnd) {
            width *= degree;
            levelEnd += width;
            depth++;
        }
        return depth;
    }

    /**
     * The entry at {@code root} and everything below it in a tree of degree {@code degree}, level by level: a heap
     * of the same degree whose entry 0 is {@code root}.
     */
    static <T> List<T> subtree(List<T> heap, int root, int degree) {
        check(degree);
        List<T> out = new ArrayList<>();
        long start = root;
        long width = 1;
        while (start < heap.size()) {
            long end = Math.min(start + width, heap.size());
            for (long i = start; i < end; i++) {
                out.add(heap.get((int) i));
            }
            start = degree * start + 1;
            width *= degree;
        }
        return out;
    }

    /** Whether {@code degree} is one a push may carry. */
    static boolean validDegree(int degree) {
        return degree >= MIN_DEGREE && degree <= MAX_DEGREE;
    }

    private static void check(int degree) {
        if (!validDegree(degree)) {
            throw new IllegalArgumentException("a tree's degree must be from " + MIN_DEGREE + " to " + MAX_DEGREE
                    + ", got " + degree);
        }
    }
}
