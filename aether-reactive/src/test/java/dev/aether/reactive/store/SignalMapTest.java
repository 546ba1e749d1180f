package dev.aether.reactive.store;

import static org.assertj.core.api.Assertions.*;

import dev.aether.reactive.WrongThreadException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignalMapTest {
    private final SignalMap<String, Integer> stock = new SignalMap<>(Map.of("apples", 3, "pears", 5));

    @Test
    void readingAKeyReRunsOnlyWhenThatKeyChanges() {
        Runs<Integer> apples = Runs.of(() -> stock.get("apples"));
        Runs<Integer> pears = Runs.of(() -> stock.get("pears"));

        stock.put("apples", 4);

        assertThat(apples.last()).isEqualTo(4);
        assertThat(pears.reruns()).isZero();
    }

    @Test
    void readingAnAbsentKeyIsNotifiedWhenItIsPut() {
        Runs<Boolean> hasPlums = Runs.of(() -> stock.containsKey("plums"));
        Runs<Integer> plums = Runs.of(() -> stock.get("plums"));

        stock.put("plums", 7);

        assertThat(hasPlums.last()).isTrue();
        assertThat(plums.last()).isEqualTo(7);
    }

    @Test
    void puttingAnEqualValueNotifiesNobody() {
        Runs<Integer> apples = Runs.of(() -> stock.get("apples"));
        Runs<String> all = Runs.of(stock::toString);

        stock.put("apples", 3);

        assertThat(apples.reruns()).isZero();
        assertThat(all.reruns()).isZero();
    }

    @Test
    void sizeTracksTheSizeOnly() {
        Runs<Integer> size = Runs.of(stock::size);

        stock.put("apples", 10);
        assertThat(size.reruns()).isZero();

        stock.put("plums", 1);
        assertThat(size.last()).isEqualTo(3);
    }

    @Test
    void iteratingTheKeySetTracksKeysButNotValues() {
        Runs<List<String>> keys = Runs.of(() -> List.copyOf(stock.keySet()));

        stock.put("apples", 10);
        assertThat(keys.reruns()).isZero();

        stock.put("plums", 1);
        assertThat(keys.last()).containsExactlyInAnyOrder("apples", "pears", "plums");
    }

    @Test
    void iteratingValuesOrEntriesTracksValues() {
        Runs<Integer> total = Runs.of(() -> stock.values().stream().mapToInt(Integer::intValue).sum());

        stock.put("apples", 10);

        assertThat(total.last()).isEqualTo(15);
    }

    @Test
    void removingNotifiesTheKeyTheKeySetAndTheSize() {
        Runs<Integer> apples = Runs.of(() -> stock.get("apples"));
        Runs<Integer> pears = Runs.of(() -> stock.get("pears"));
        Runs<Integer> size = Runs.of(stock::size);

        stock.remove("apples");
        stock.remove("cherries"); // absent: nothing

        assertThat(apples.last()).isNull();
        assertThat(apples.reruns()).isEqualTo(1);
        assertThat(pears.reruns()).isZero();
        assertThat(size.reruns()).isEqualTo(1);
    }

    @Test
    void settingAnEntryValueWritesThrough() {
        Runs<Integer> pears = Runs.of(() -> stock.get("pears"));

        stock.entrySet().forEach(e -> e.setValue(e.getValue() * 2));

        assertThat(pears.last()).isEqualTo(10);
        assertThat(stock).containsEntry("apples", 6);
    }

    @Test
    void putAllAndClearEachRunEffectsOnce() {
        Runs<String> all = Runs.of(stock::toString);

        stock.putAll(Map.of("plums", 1, "figs", 2));
        stock.clear();

        assertThat(all.reruns()).isEqualTo(2);
        assertThat(stock).isEmpty();
    }

    @Test
    void removingThroughTheKeySetNotifies() {
        Runs<Integer> apples = Runs.of(() -> stock.get("apples"));

        stock.keySet().removeIf("apples"::equals);

        assertThat(apples.last()).isNull();
    }

    @Test
    void isAnOrdinaryMapToOtherCode() {
        assertThat(stock).isEqualTo(Map.of("apples", 3, "pears", 5));
        assertThat(stock.getOrDefault("plums", 0)).isZero();
    }

    @Test
    void touchingItFromAnotherThreadFails() {
        assertThat(Runs.fromAnotherThread(() -> stock.get("apples"))).isInstanceOf(WrongThreadException.class);
        assertThat(Runs.fromAnotherThread(() -> stock.put("apples", 1))).isInstanceOf(WrongThreadException.class);
        assertThat(stock).containsEntry("apples", 3);
    }
}
