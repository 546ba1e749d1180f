package dev.aether.titan.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aether.netron.protocol.error.RateLimitException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Each peer and each IP address has its own budget of calls per window; a caller is refused
 * as soon as either of its budgets is spent, and is told exactly when to come back.
 */
class RateLimitingTest {

    private static Caller caller(String peerId, String address) {
        return new Caller(null, peerId, address, "test");
    }

    @Test
    void aPeerThatChangesItsAddressKeepsItsOwnBudget() {
        RateLimiting limits = new RateLimiting(1, Duration.ofMinutes(1));
        limits.acquire(caller("peer-1", "10.0.0.1"));
        assertThatThrownBy(() -> limits.acquire(caller("peer-1", "10.0.0.2"))).isInstanceOf(RateLimitException.class);
    }

    @Test
    void peersBehindOneAddressShareItsBudget() {
        RateLimiting limits = new RateLimiting(1, Duration.ofMinutes(1));
        limits.acquire(caller("peer-1", "10.0.0.1"));
        assertThatThrownBy(() -> limits.acquire(caller("peer-2", "10.0.0.1"))).isInstanceOf(RateLimitException.class);
    }

    @Test
    void anotherPeerAtAnotherAddressHasItsOwnBudget() {
        RateLimiting limits = new RateLimiting(1, Duration.ofMinutes(1));
        limits.acquire(caller("peer-1", "10.0.0.1"));
        assertThatCode(() -> limits.acquire(caller("peer-2", "10.0.0.2"))).doesNotThrowAnyException();
    }

    @Test
    void aCallerWithoutPeerIdIsLimitedByItsAddress() {
        RateLimiting limits = new RateLimiting(1, Duration.ofMinutes(1));
        limits.acquire(caller(null, "10.0.0.1"));
        assertThatThrownBy(() -> limits.acquire(caller(null, "10.0.0.1"))).isInstanceOf(RateLimitException.class);
    }

    @Test
    void aCallerWithoutPeerIdOrAddressIsNotLimited() {
        RateLimiting limits = new RateLimiting(1, Duration.ofMinutes(1));
        for (int i = 0; i < 5; i++) {
            limits.acquire(caller(null, null));
        }
    }

    @Test
    void theLimitIsTheNumberOfCallsAllowedPerWindow() {
        RateLimiting limits = new RateLimiting(3, Duration.ofMinutes(1));
        for (int i = 0; i < 3; i++) {
            limits.acquire(caller("peer-1", "10.0.0.1"));
        }
        assertThatThrownBy(() -> limits.acquire(caller("peer-1", "10.0.0.1"))).isInstanceOf(RateLimitException.class);
    }

    @Test
    void theRefusalSaysToRetryWhenTheWindowEndsInWholeSecondsRoundedUp() {
        // The window started with the first call, microseconds ago: 60 s minus that, rounded up, is 60.
        RateLimiting limits = new RateLimiting(1, Duration.ofMinutes(1));
        limits.acquire(caller("peer-1", "10.0.0.1"));
        Instant before = Instant.now();
        RateLimitException e = catchThrowableOfType(RateLimitException.class, () -> limits.acquire(caller("peer-1", "10.0.0.1")));
        Instant after = Instant.now();

        assertThat(e.code()).isEqualTo(429);
        assertThat(e.retryAfterSeconds()).isEqualTo(60);
        assertThat(e.details()).containsEntry("retryAfter", 60L).containsEntry("limit", 1).containsEntry("remaining", 0);
        assertThat(e.limit()).isEqualTo(1);
        assertThat(e.remaining()).isZero();
        assertThat(e.resetTime()).isBetween(before.plusSeconds(60), after.plusSeconds(60));
        assertThat(e.details().get("resetAt")).isEqualTo(e.resetTime().toEpochMilli());
        assertThat(e.getMessage()).isEqualTo("Too many requests: limit is 1 per 60 s");
    }

    @Test
    void aSubSecondWaitIsRoundedUpToOneSecondNeverZero() {
        RateLimiting limits = new RateLimiting(1, Duration.ofMillis(500));
        limits.acquire(caller("peer-1", "10.0.0.1"));
        RateLimitException e = catchThrowableOfType(RateLimitException.class, () -> limits.acquire(caller("peer-1", "10.0.0.1")));
        assertThat(e.retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void aSpentBudgetComesBackWithTheNextWindow() throws InterruptedException {
        RateLimiting limits = new RateLimiting(1, Duration.ofMillis(200));
        limits.acquire(caller("peer-1", "10.0.0.1"));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                limits.acquire(caller("peer-1", "10.0.0.1"));
                return;
            } catch (RateLimitException refused) {
                assertThat(System.nanoTime()).as("a permit within 10 s of a 200 ms window").isLessThan(deadline);
                Thread.sleep(refused.retryAfterSeconds() * 50); // poll well inside the announced wait
            }
        }
    }

    @Test
    void aLimitBelowOneOrAnEmptyWindowIsRefused() {
        assertThatThrownBy(() -> new RateLimiting(0, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a rate limit needs a positive limit and window, got 0 per PT1S");
        assertThatThrownBy(() -> new RateLimiting(1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimiting(1, Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatCode(() -> new RateLimiting(1, Duration.ofNanos(1))).doesNotThrowAnyException();
    }
}
