package dev.aether.reactive.store;

import static org.assertj.core.api.Assertions.*;

import dev.aether.reactive.Reactive;
import dev.aether.reactive.WrongThreadException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignalListTest {
    private final SignalList<String> list = new SignalList<>(List.of("a", "b", "c"));

    @Test
    void readingAnIndexReRunsOnlyWhenThatIndexChanges() {
        Runs<String> first = Runs.of(() -> list.get(0));
        Runs<String> second = Runs.of(() -> list.get(1));

        list.set(1, "B");

        assertThat(first.reruns()).isZero();
        assertThat(second.reruns()).isEqualTo(1);
        assertThat(second.last()).isEqualTo("B");
    }

    @Test
    void settingAnEqualValueNotifiesNobody() {
        Runs<String> second = Runs.of(() -> list.get(1));
        Runs<String> all = Runs.of(list::toString);

        list.set(1, new String("b"));

        assertThat(second.reruns()).isZero();
        assertThat(all.reruns()).isZero();
    }

    @Test
    void sizeTracksTheLengthOnly() {
        Runs<Integer> size = Runs.of(list::size);

        list.set(0, "x");
        assertThat(size.reruns()).isZero();

        list.add("d");
        assertThat(size.reruns()).isEqualTo(1);
        assertThat(size.last()).isEqualTo(4);
    }

    @Test
    void appendingNotifiesTheLengthAndReadersOfTheNewIndexButNotExistingIndices() {
        Runs<String> first = Runs.of(() -> list.get(0));
        Runs<String> fourth = Runs.of(() -> list.size() > 3 ? list.get(3) : "none");

        list.add("d");

        assertThat(first.reruns()).isZero();
        assertThat(fourth.last()).isEqualTo("d");
    }

    @Test
    void readingAnIndexOutOfRangeIsNotifiedWhenItComesIntoRange() {
        List<String> seen = new ArrayList<>();
        Reactive.effect(() -> {
            try {
                seen.add(list.get(3));
            } catch (IndexOutOfBoundsException e) {
                seen.add("out of range");
            }
        });

        list.add("d");

        assertThat(seen).containsExactly("out of range", "d");
    }

    @Test
    void insertingNotifiesEveryLaterIndexWhoseValueChanged() {
        SignalList<String> letters = new SignalList<>(List.of("a", "b", "b", "c"));
        Runs<String> at0 = Runs.of(() -> letters.get(0));
        Runs<String> at2 = Runs.of(() -> letters.get(2));
        Runs<String> at3 = Runs.of(() -> letters.get(3));

        letters.add(1, "b"); // a b b b c: index 2 still holds "b", index 3 now holds "b"

        assertThat(at0.reruns()).isZero();
        assertThat(at2.reruns()).isZero();
        assertThat(at3.reruns()).isEqualTo(1);
        assertThat(at3.last()).isEqualTo("b");
    }

    @Test
    void removingNotifiesTheLengthAndShiftedIndicesButNotEarlierOnes() {
        Runs<String> first = Runs.of(() -> list.get(0));
        Runs<String> second = Runs.of(() -> list.get(1));
        Runs<Integer> size = Runs.of(list::size);

        assertThat(list.remove(1)).isEqualTo("b");

        assertThat(first.reruns()).isZero();
        assertThat(second.last()).isEqualTo("c");
        assertThat(size.last()).isEqualTo(2);
    }

    @Test
    void iteratingTracksTheWholeContents() {
        Runs<String> joined = Runs.of(() -> String.join(",", list));

        list.set(2, "C");

        assertThat(joined.last()).isEqualTo("a,b,C");
    }

    @Test
    void containsAndIndexOfTrackTheWholeContents() {
        Runs<Integer> index = Runs.of(() -> list.indexOf("z"));

        list.set(0, "z");

        assertThat(index.last()).isZero();
    }

    @Test
    void eachBulkMutationRunsEffectsOnce() {
        Runs<String> all = Runs.of(list::toString);

        list.addAll(List.of("d", "e", "f"));
        list.removeIf(s -> s.compareTo("c") > 0);
        list.clear();

        assertThat(all.reruns()).isEqualTo(3);
        assertThat(all.last()).isEqualTo("[]");
    }

    @Test
    void clearNotifiesEveryReadIndexAndTheLength() {
        Runs<Boolean> empty = Runs.of(list::isEmpty);
        Runs<String> last = Runs.of(() -> list.isEmpty() ? "none" : list.get(2));

        list.clear();

        assertThat(empty.last()).isTrue();
        assertThat(last.last()).isEqualTo("none");
    }

    @Test
    void sortingNotifiesOnlyIndicesWhoseValueMoved() {
        SignalList<String> letters = new SignalList<>(List.of("c", "b", "a"));
        Runs<String> middle = Runs.of(() -> letters.get(1));
        Runs<String> first = Runs.of(() -> letters.get(0));

        letters.sort(Comparator.naturalOrder());

        assertThat(middle.reruns()).isZero();
        assertThat(first.last()).isEqualTo("a");
    }

    @Test
    void moveShiftsTheElementsBetweenWithoutChangingTheLength() {
        Runs<Integer> size = Runs.of(list::size);
        Runs<String> first = Runs.of(() -> list.get(0));
        Runs<String> last = Runs.of(() -> list.get(2));

        list.move(0, 2);

        assertThat(list).containsExactly("b", "c", "a");
        assertThat(size.reruns()).isZero();
        assertThat(first.last()).isEqualTo("b");
        assertThat(last.last()).isEqualTo("a");
    }

    @Test
    void removingThroughTheIteratorNotifies() {
        Runs<Integer> size = Runs.of(list::size);

        list.removeIf("b"::equals);
        for (var it = list.iterator(); it.hasNext(); ) {
            if (it.next().equals("c")) {
                it.remove();
            }
        }

        assertThat(list).containsExactly("a");
        assertThat(size.reruns()).isEqualTo(2);
    }

    @Test
    void isAnOrdinaryListToOtherCode() {
        assertThat(list).isEqualTo(List.of("a", "b", "c"));
        assertThat(list.hashCode()).isEqualTo(List.of("a", "b", "c").hashCode());
        assertThat(list.subList(1, 3)).containsExactly("b", "c");
        assertThat(list.stream().map(String::toUpperCase).toList()).containsExactly("A", "B", "C");
    }

    @Test
    void touchingItFromAnotherThreadFails() {
        assertThat(Runs.fromAnotherThread(() -> list.get(0))).isInstanceOf(WrongThreadException.class)
                .hasMessageContaining("SignalList").hasMessageContaining("intruder");
        assertThat(Runs.fromAnotherThread(() -> list.add("x"))).isInstanceOf(WrongThreadException.class);
        assertThat(list).hasSize(3);
    }
}
