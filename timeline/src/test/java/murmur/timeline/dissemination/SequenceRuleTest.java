package murmur.timeline.dissemination;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import murmur.timeline.Post;
import org.junit.jupiter.api.Test;

class SequenceRuleTest {
    private final TestPosts log = new TestPosts();
    private final Post first = log.next("alice");
    private final Post second = log.next("alice");
    private final Post third = log.next("alice");

    @Test
    void aPostThatFitsItsNeighboursIsFine() {
        assertThat(SequenceRule.problem(second, List.of(first, third))).isEmpty();
        assertThat(SequenceRule.problem(second, List.of())).isEmpty();
        assertThat(SequenceRule.problem(second, List.of(second))).as("the same post again").isEmpty();
    }

    @Test
    void aPostNotChainedToThePreviousOneIsRefused() {
        Post stray = new Post("alice", 2, new byte[Post.HASH_BYTES], second.timestampMillis(), "x",
                second.signature());
        assertThat(SequenceRule.problem(stray, List.of(first))).get().asString().contains("does not follow");
        assertThat(SequenceRule.problem(stray, List.of(third))).get().asString().contains("does not follow it");
    }

    @Test
    void aSecondVersionOfAPostNumberIsRefused() {
        Post other = new TestPosts().next("alice");
        Post rewritten = new Post("alice", 1, first.prevHash(), first.timestampMillis() + 1, "changed",
                other.signature());
        assertThat(SequenceRule.problem(rewritten, List.of(first))).get().asString().contains("contradicts");
    }

    @Test
    void theFirstPostMustNotPointAnywhere() {
        Post bad = new Post("alice", 1, second.hash(), first.timestampMillis(), "x", first.signature());
        assertThat(SequenceRule.problem(bad, List.of())).isPresent();
    }
}
