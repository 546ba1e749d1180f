package dev.aether.netron.client.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReconnectPolicyTest {
    private final ReconnectPolicy policy = ReconnectPolicy.defaults();

    @Test
    void withoutJitterTheWaitDoublesFromOneSecondUpToThirty() {
        assertThat(policy.delay(0, () -> 0.5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.delay(1, () -> 0.5)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.delay(4, () -> 0.5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(policy.delay(5, () -> 0.5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.delay(1_000, () -> 0.5)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void jitterMovesTheWaitByAtMostFifteenPercent() {
        assertThat(policy.delay(2, () -> 0.0)).isEqualTo(Duration.ofMillis(3_400));
        assertThat(policy.delay(2, () -> 0.999_999)).isBetween(Duration.ofMillis(4_599), Duration.ofMillis(4_600));
    }

    @Test
    void theWaitStaysWithinOneAndThirtySecondsWhateverTheJitter() {
        assertThat(policy.delay(0, () -> 0.0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.delay(10, () -> 0.999_999)).isEqualTo(Duration.ofSeconds(30));
    }
}
