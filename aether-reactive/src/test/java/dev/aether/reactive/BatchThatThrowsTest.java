package dev.aether.reactive;

import static dev.aether.reactive.Reactive.*;
import static org.assertj.core.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A batch whose body throws still runs the effects of the writes it made before the throw. */
class BatchThatThrowsTest {
    @Test
    void effectsQueuedByABatchThatThrowsStillRun() {
        Signal<Integer> count = signal(0);
        List<Integer> seen = new ArrayList<>();
        effect(() -> seen.add(count.get()));

        assertThatThrownBy(() -> batch(() -> {
            count.set(1);
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(seen).containsExactly(0, 1);
    }
}
