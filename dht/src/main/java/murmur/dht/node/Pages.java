package murmur.dht.node;

import java.util.ArrayList;
import java.util.List;

/** Cuts a list into pages, so no single message carries more entries than a set page. */
final class Pages {
    private Pages() {}

    static <T> List<List<T>> of(List<T> items, int size) {
        List<List<T>> pages = new ArrayList<>();
        for (int i = 0; i < items.size(); i += size) {
            pages.add(List.copyOf(items.subList(i, Math.min(items.size(), i + size))));
        }
        return pages;
    }
}
