package dev.aether.web.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A page's prefetches are admitted within its limits: so many in flight, so many per period; the rest are dropped. */
class PrefetchGateTest {
    @Test
    void noMoreThanMaxInFlightRunAtOnceAndAnEndedOneFreesItsPlace() {
        PrefetchGate gate = new PrefetchGate(new PrefetchLimits(2, 100, Duration.ofMinutes(1)));
        PrefetchGate.Slot first = gate.tryStart().orElseThrow();
        PrefetchGate.Slot second = gate.tryStart().orElseThrow();

        assertThat(gate.tryStart()).as("a third while two run").isEmpty();
        assertThat(gate.inFlight()).isEqualTo(2);

        first.close();
        first.close();   // closing twice frees one place, not two
        assertThat(gate.inFlight()).isEqualTo(1);
        assertThat(gate.tryStart()).isPresent();
        assertThat(gate.tryStart()).isEmpty();
        second.close();
    }

    @Test
    void noMoreThanPerPeriodStartInOnePeriodEvenWhenEachEndsAtOnce() {
        PrefetchGate gate = new PrefetchGate(new PrefetchLimits(4, 5, Duration.ofHours(1)));
        List<Boolean> admitted = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Optional<PrefetchGate.Slot> slot = gate.tryStart();
            admitted.add(slot.isPresent());
            slot.ifPresent(PrefetchGate.Slot::close);
        }
        assertThat(admitted.stream().filter(a -> a)).hasSize(5);
        assertThat(gate.inFlight()).as("refused ones keep no place").isZero();
    }

    @Test
    void theRateRefillsAtTheNextPeriod() throws Exception {
        PrefetchGate gate = new PrefetchGate(new PrefetchLimits(1, 1, Duration.ofMillis(200)));
        gate.tryStart().orElseThrow().close();
        assertThat(gate.tryStart()).isEmpty();

        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Optional<PrefetchGate.Slot> next = Optional.empty();
        while (next.isEmpty() && System.nanoTime() < until) {
            Thread.onSpinWait();
            next = gate.tryStart();
        }
        assertThat(next).as("admitted again in a later period").isPresent();
    }

    @Test
    void offAdmitsNothing() {
        assertThat(new PrefetchGate(PrefetchLimits.OFF).tryStart()).isEmpty();
    }

    @Test
    void limitsThatAdmitNothingUsefulAreRefusedWithTheReason() {
        assertThatThrownBy(() -> new PrefetchLimits(-1, 1, Duration.ofSeconds(1))).hasMessageContaining("maxInFlight must not be negative");
        assertThatThrownBy(() -> new PrefetchLimits(1, 0, Duration.ofSeconds(1))).hasMessageContaining("at least 1 per positive period");
        assertThatThrownBy(() -> new PrefetchLimits(1, 1, Duration.ZERO)).hasMessageContaining("positive period");
    }
}
