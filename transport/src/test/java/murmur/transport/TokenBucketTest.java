package murmur.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketTest {
    private long now;
    private final TokenBucket bucket = new TokenBucket(10, 100, () -> now);

    @Test
    void takesManyTokensOnlyWhenThereAreThatManyAndOtherwiseNone() {
        assertThat(bucket.tryTake(60)).isTrue();
        assertThat(bucket.tryTake(60)).as("40 left").isFalse();
        assertThat(bucket.tryTake(40)).as("the refused take took nothing").isTrue();
        assertThat(bucket.tryTake()).isFalse();

        now += 1_500_000_000L;   // 1.5 s at 10 a second
        assertThat(bucket.tryTake(16)).isFalse();
        assertThat(bucket.tryTake(15)).isTrue();
    }

    @Test
    void refillsUpToTheBurstOnly() {
        assertThat(bucket.tryTake(100)).isTrue();
        now += 3_600_000_000_000L;
        assertThat(bucket.tryTake(101)).isFalse();
        assertThat(bucket.tryTake(100)).isTrue();
    }
}
