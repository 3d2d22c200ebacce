package murmur.timeline.dissemination;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import murmur.timeline.Post;
import org.junit.jupiter.api.Test;

class FanoutOrderTest {
    private final List<Hop> followers = IntStream.range(0, 50)
            .mapToObj(i -> new Hop("f" + i, "127.0.0.1:" + (4000 + i))).toList();

    @Test
    void theOrderIsTheSameWhateverOrderTheFollowersCameInAndLeavesOutTheAuthorAndRepeats() {
        TestPosts log = new TestPosts();
        Post post = log.next("alice");
        List<Hop> shuffled = new ArrayList<>(followers);
        Collections.shuffle(shuffled);
        shuffled.add(new Hop("alice", "127.0.0.1:1"));
        shuffled.add(followers.get(3));

        assertThat(FanoutOrder.of(post, shuffled)).isEqualTo(FanoutOrder.of(post, followers)).hasSize(50);
    }

    @Test
    void theTreeStaysForAnEpochOfPostsAndThenTheForwardersChange() {
        TestPosts log = new TestPosts();
        List<List<Hop>> orders = new ArrayList<>();
        for (int i = 0; i < FanoutOrder.POSTS_PER_EPOCH + 1; i++) {
            orders.add(FanoutOrder.of(log.next("alice"), followers));
        }
        assertThat(orders.get(1)).isEqualTo(orders.get(0));
        assertThat(orders.get(FanoutOrder.POSTS_PER_EPOCH - 1)).isEqualTo(orders.get(0));
        assertThat(orders.get(FanoutOrder.POSTS_PER_EPOCH).subList(0, 25))
                .isNotEqualTo(orders.get(0).subList(0, 25));
        assertThat(FanoutOrder.inEpoch("alice", 0, followers)).isEqualTo(orders.get(0));
        assertThat(FanoutOrder.inEpoch("alice", 1, followers)).isEqualTo(orders.get(FanoutOrder.POSTS_PER_EPOCH));
        assertThat(FanoutOrder.epochOf(FanoutOrder.POSTS_PER_EPOCH)).isZero();
        assertThat(FanoutOrder.epochOf(FanoutOrder.POSTS_PER_EPOCH + 1)).isOne();
    }

    @Test
    void followersAreOrderedByTheFirstEightBytesOfTheirSaltedHashAndThenByName() throws Exception {
        List<Hop> many = IntStream.range(0, 2000).mapToObj(i -> new Hop("user_" + i, "127.0.0.1:" + i)).toList();
        List<Hop> expected = new ArrayList<>(many);
        Map<Hop, String> rank = new HashMap<>();
        for (Hop h : many) {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("alice#7#" + h.name()).getBytes(StandardCharsets.UTF_8));
            rank.put(h, HexFormat.of().formatHex(digest, 0, 8));
        }
        expected.sort(Comparator.<Hop, String>comparing(rank::get).thenComparing(Hop::name));

        assertThat(FanoutOrder.inEpoch("alice", 7, many)).isEqualTo(expected);
    }
}
