package dev.aether.reactive;

import static dev.aether.reactive.Reactive.*;
import static org.assertj.core.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TriggerTest extends ReactiveSpec {

    @Test
    void fireReRunsWhatTrackedTheTrigger() {
        Trigger changed = new Trigger();
        List<String> names = new ArrayList<>();
        Computed<Integer> size = computed(() -> {
            changed.track();
            return names.size();
        });
        List<Integer> seen = new ArrayList<>();
        effect(() -> seen.add(size.get()));
        names.add("Ada");
        assertThat(seen).containsExactly(0);
        changed.fire();
        changed.fire();
        names.add("Grace");
        changed.fire();
        assertThat(seen).containsExactly(0, 1, 2);
    }

    @Test
    void everyFireNotifiesEvenWithoutAValueChange() {
        Trigger t = new Trigger();
        List<Integer> runs = new ArrayList<>();
        effect(() -> {
            t.track();
            runs.add(runs.size());
        });
        t.fire();
        t.fire();
        assertThat(runs).containsExactly(0, 1, 2);
    }

    @Test
    void namedTriggerAppearsInErrorMessages() {
        Trigger t = new Trigger().named("rows-changed");
        assertThat(thrownOnAnotherThread(t::fire)).isInstanceOf(WrongThreadException.class)
                .hasMessageContaining("rows-changed");
    }
}
