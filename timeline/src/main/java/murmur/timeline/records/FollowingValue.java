package murmur.timeline.records;

import java.util.List;

/**
 * The value of {@code following/<name>}: whom the user follows.
 *
 * @param names user names, sorted
 */
public record FollowingValue(List<String> names) {

    public FollowingValue {
        names = List.copyOf(names);
    }
}
