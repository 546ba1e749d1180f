package dev.aether.reactive.store;

import static org.assertj.core.api.Assertions.*;

import dev.aether.reactive.WrongThreadException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

class SignalMapTest {
    private final SignalMap<String, Integer> stock = new SignalMap<>(orderedStock());

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

    // ---- what each operation notifies and returns ------------------------------------------------

    /** Iterates without asking for the size first (List.copyOf would, and so track the size too). */
    private static <T> List<T> iterate(Iterable<T> items) {
        List<T> out = new ArrayList<>();
        for (T item : items) {
            out.add(item);
        }
        return out;
    }

    @Test
    void puttingANewKeyReRunsWhatIteratedTheKeySet() {
        Runs<List<String>> keys = Runs.of(() -> iterate(stock.keySet()));

        stock.put("plums", 1);

        assertThat(keys.reruns()).isEqualTo(1);
        assertThat(keys.last()).containsExactly("apples", "pears", "plums");
    }

    @Test
    void puttingANewValueForAPresentKeyReRunsItsReadersButNotTheKeySetOrTheSize() {
        Runs<Integer> apples = Runs.of(() -> stock.get("apples"));
        Runs<List<String>> keys = Runs.of(() -> iterate(stock.keySet()));
        Runs<Integer> size = Runs.of(stock::size);

        assertThat(stock.put("apples", 4)).isEqualTo(3);

        assertThat(apples.last()).isEqualTo(4);
        assertThat(keys.reruns()).isZero();
        assertThat(size.reruns()).isZero();
    }

    @Test
    void putReturnsThePreviousValueOrNull() {
        assertThat(stock.put("apples", 3)).as("equal value").isEqualTo(3);
        assertThat(stock.put("apples", 4)).isEqualTo(3);
        assertThat(stock.put("plums", 1)).isNull();
    }

    @Test
    void puttingNullForAnAbsentKeyAddsTheKey() {
        Runs<Boolean> hasPlums = Runs.of(() -> stock.containsKey("plums"));

        stock.put("plums", null);

        assertThat(hasPlums.last()).isTrue();
        assertThat(stock).containsEntry("plums", null).hasSize(3);
    }

    @Test
    void removeReturnsTheRemovedValueOrNull() {
        assertThat(stock.remove("apples")).isEqualTo(3);
        assertThat(stock.remove("apples")).isNull();
    }

    @Test
    void aNullKeyIsTrackedAndRemovedLikeAnyOther() {
        SignalMap<String, Integer> map = new SignalMap<>();
        Runs<Integer> nullKey = Runs.of(() -> map.get(null));

        map.put(null, 1);
        assertThat(nullKey.last()).isEqualTo(1);

        map.remove(null);
        assertThat(nullKey.last()).isNull();
        assertThat(nullKey.reruns()).isEqualTo(2);

        map.put(null, 2);
        map.clear();
        assertThat(nullKey.reruns()).isEqualTo(4);
    }

    @Test
    void isEmptyTellsWhetherThereAreEntriesAndTracksTheSize() {
        SignalMap<String, Integer> map = new SignalMap<>();
        Runs<Boolean> empty = Runs.of(map::isEmpty);

        map.put("a", 1);

        assertThat(empty.last()).isFalse();
        assertThat(stock.isEmpty()).isFalse();
    }

    @Test
    void containsValueTracksTheWholeContents() {
        Runs<Boolean> hasTen = Runs.of(() -> stock.containsValue(10));

        stock.put("pears", 10);

        assertThat(hasTen.last()).isTrue();
        assertThat(stock.containsValue(3)).isTrue();
        assertThat(stock.containsValue(4)).isFalse();
    }

    @Test
    void theKeySetViewAnswersContainsPerKeyAndRemoveWithWhetherTheKeyWasThere() {
        Set<String> keys = stock.keySet();
        Runs<Boolean> hasPlums = Runs.of(() -> keys.contains("plums"));

        assertThat(keys.contains("apples")).isTrue();
        assertThat(keys.contains("figs")).isFalse();
        assertThat(keys.remove("apples")).isTrue();
        assertThat(keys.remove("apples")).isFalse();
        stock.put("plums", 1);

        assertThat(hasPlums.last()).isTrue();
        assertThat(keys).hasSize(2);
    }

    @Test
    void theValuesAndEntryViewsHaveTheMapsSize() {
        assertThat(stock.values()).hasSize(2);
        assertThat(stock.entrySet()).hasSize(2);
        assertThat(stock.keySet()).hasSize(2);
    }

    @Test
    void settingAValueThroughAnEntryReturnsTheOldValue() {
        Map.Entry<String, Integer> apples = stock.entrySet().stream()
                .filter(e -> e.getKey().equals("apples")).findFirst().orElseThrow();

        assertThat(apples.setValue(9)).isEqualTo(3);
        assertThat(stock.get("apples")).isEqualTo(9);
    }

    @Test
    void removingThroughAnIteratorNotifiesTheKeyAndNeedsACurrentEntry() {
        Runs<Integer> apples = Runs.of(() -> stock.get("apples"));
        Iterator<String> it = stock.keySet().iterator();

        assertThatThrownBy(it::remove).isInstanceOf(IllegalStateException.class);
        while (it.hasNext()) {
            if (it.next().equals("apples")) {
                it.remove();
            }
        }

        assertThat(apples.last()).isNull();
        assertThat(stock).containsOnlyKeys("pears");
    }

    @Test
    void clearingAnEmptyMapNotifiesNobody() {
        SignalMap<String, Integer> map = new SignalMap<>();
        Runs<Integer> size = Runs.of(map::size);

        map.clear();

        assertThat(size.reruns()).isZero();
    }

    @Test
    void everyOperationRefusesAnotherThreadBeforeTouchingTheMap() {
        Map<String, Integer> copy = Map.of("x", 1);
        List<Callable<?>> operations = List.of(
                stock::size, () -> stock.containsValue(3), () -> { stock.clear(); return null; },
                () -> { stock.putAll(copy); return null; }, () -> stock.remove("apples"),
                () -> stock.keySet().iterator(), () -> stock.get("apples"));
        for (Callable<?> operation : operations) {
            assertThat(Runs.fromAnotherThread(operation)).isInstanceOf(WrongThreadException.class)
                    .hasMessageStartingWith("a SignalMap");
        }
        Iterator<String> it = stock.keySet().iterator();
        assertThat(Runs.fromAnotherThread(it::next)).hasMessageStartingWith("a SignalMap");
        it.next();
        assertThat(Runs.fromAnotherThread(() -> { it.remove(); return null; })).hasMessageStartingWith("a SignalMap");
        assertThat(stock).containsOnlyKeys("apples", "pears");
    }

    private static Map<String, Integer> orderedStock() {
        Map<String, Integer> map = new LinkedHashMap<>();
        map.put("apples", 3);
        map.put("pears", 5);
        return map;
    }
}
