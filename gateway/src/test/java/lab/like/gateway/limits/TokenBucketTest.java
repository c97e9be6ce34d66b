package lab.like.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void whenIdleThenTheWholeBurstIsGrantedThenRequestsWait() {
        TokenBucket bucket = new TokenBucket(10, 5, 0);
        for (int i = 0; i < 5; i++) {
            assertThat(bucket.tryAcquire(0)).isZero();
        }
        assertThat(bucket.tryAcquire(0)).isEqualTo(SECOND / 10);
    }

    @Test
    void permitsComeBackAtTheConfiguredRate() {
        TokenBucket bucket = new TokenBucket(10, 1, 0);
        assertThat(bucket.tryAcquire(0)).isZero();
        assertThat(bucket.tryAcquire(SECOND / 20)).isEqualTo(SECOND / 20);
        assertThat(bucket.tryAcquire(SECOND / 10)).isZero();
        assertThat(bucket.tryAcquire(SECOND / 10)).isPositive();
    }

    @Test
    void aLongIdleTimeRefillsNoMoreThanTheBurst() {
        TokenBucket bucket = new TokenBucket(100, 3, 0);
        long later = 3600 * SECOND;
        for (int i = 0; i < 3; i++) {
            assertThat(bucket.tryAcquire(later)).isZero();
        }
        assertThat(bucket.tryAcquire(later)).isPositive();
    }

    @Test
    void worksWithNegativeClockReadings() {
        long start = Long.MIN_VALUE / 2;
        TokenBucket bucket = new TokenBucket(1, 1, start);
        assertThat(bucket.tryAcquire(start)).isZero();
        assertThat(bucket.tryAcquire(start)).isEqualTo(SECOND);
        assertThat(bucket.tryAcquire(start + SECOND)).isZero();
    }

    @Test
    void retryAfterIsRoundedUpToWholeSecondsAndNeverZero() {
        assertThat(TokenBucket.retryAfterSeconds(1)).isEqualTo(1);
        assertThat(TokenBucket.retryAfterSeconds(SECOND)).isEqualTo(1);
        assertThat(TokenBucket.retryAfterSeconds(SECOND + 1)).isEqualTo(2);
    }

    @Test
    void rejectsNonsenseSettings() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TokenBucket(0, 1, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new TokenBucket(Double.NaN, 1, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new TokenBucket(1, 0, 0));
    }
}
