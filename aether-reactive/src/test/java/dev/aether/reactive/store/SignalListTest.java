package dev.aether.reactive.store;

import static org.assertj.core.api.Assertions.*;

import dev.aether.reactive.Reactive;
import dev.aether.reactive.WrongThreadException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.NoSuchElementException;
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

    // ---- the rest of the List API ---------------------------------------------------------------

    @Test
    void insertingAtIndexZeroNotifiesEveryShiftedIndexAndTheLength() {
        Runs<String> at0 = Runs.of(() -> list.get(0));
        Runs<String> at2 = Runs.of(() -> list.get(2));
        Runs<Integer> size = Runs.of(list::size);

        list.add(0, "z");

        assertThat(list).containsExactly("z", "a", "b", "c");
        assertThat(at0.last()).isEqualTo("z");
        assertThat(at2.last()).isEqualTo("b");
        assertThat(size.last()).isEqualTo(4);
    }

    @Test
    void removingIndexZeroNotifiesEveryShiftedIndexAndTheLength() {
        Runs<String> at0 = Runs.of(() -> list.get(0));
        Runs<String> at1 = Runs.of(() -> list.get(1));
        Runs<Integer> size = Runs.of(list::size);

        assertThat(list.remove(0)).isEqualTo("a");

        assertThat(at0.last()).isEqualTo("b");
        assertThat(at1.last()).isEqualTo("c");
        assertThat(size.last()).isEqualTo(2);
    }

    @Test
    void insertingOrRemovingOutOfRangeFailsAndNotifiesNobody() {
        Runs<String> all = Runs.of(list::toString);

        assertThatThrownBy(() -> list.add(4, "x")).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> list.add(-1, "x")).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> list.remove(3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> list.addAll(4, List.of("x"))).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> list.get(-1)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("Index -1 out of bounds for length 3");

        assertThat(all.reruns()).isZero();
        assertThat(list).containsExactly("a", "b", "c");
    }

    @Test
    void addingAllAtIndexZeroShiftsEveryElement() {
        Runs<String> at0 = Runs.of(() -> list.get(0));
        Runs<String> at4 = Runs.of(() -> list.size() > 4 ? list.get(4) : "none");

        assertThat(list.addAll(0, List.of("x", "y"))).isTrue();

        assertThat(list).containsExactly("x", "y", "a", "b", "c");
        assertThat(at0.last()).isEqualTo("x");
        assertThat(at4.last()).isEqualTo("c");
    }

    @Test
    void addingAllOfItselfDoublesTheList() {
        assertThat(list.addAll(list)).isTrue();

        assertThat(list).containsExactly("a", "b", "c", "a", "b", "c");
    }

    @Test
    void addingAnEmptyCollectionChangesNothingAndNotifiesNobody() {
        Runs<String> all = Runs.of(list::toString);

        assertThat(list.addAll(List.of())).isFalse();
        assertThat(list.addAll(1, List.of())).isFalse();

        assertThat(all.reruns()).isZero();
    }

    @Test
    void removingARangeThroughASubListNotifiesTheShiftedIndicesAndTheLength() {
        SignalList<String> letters = new SignalList<>(List.of("a", "b", "c", "d", "e"));
        Runs<String> at0 = Runs.of(() -> letters.get(0));
        Runs<String> at1 = Runs.of(() -> letters.get(1));
        Runs<Integer> size = Runs.of(letters::size);

        letters.subList(1, 3).clear(); // AbstractList sends this to removeRange(1, 3)

        assertThat(letters).containsExactly("a", "d", "e");
        assertThat(at0.reruns()).isZero();
        assertThat(at1.last()).isEqualTo("d");
        assertThat(size.last()).isEqualTo(3);
    }

    @Test
    void removingAnEmptyRangeNotifiesNobody() {
        Runs<String> all = Runs.of(list::toString);
        Runs<Integer> size = Runs.of(list::size);

        list.subList(1, 1).clear();

        assertThat(all.reruns()).isZero();
        assertThat(size.reruns()).isZero();
    }

    @Test
    void setAllNotifiesTheIndicesThatChangedAndTheLengthOnlyIfItChanged() {
        Runs<String> at0 = Runs.of(() -> list.get(0));
        Runs<String> at2 = Runs.of(() -> list.size() > 2 ? list.get(2) : "none");
        Runs<Integer> size = Runs.of(list::size);

        list.setAll(List.of("a", "b", "x"));

        assertThat(list).containsExactly("a", "b", "x");
        assertThat(at0.reruns()).isZero();
        assertThat(at2.last()).isEqualTo("x");
        assertThat(size.reruns()).isZero();

        list.setAll(List.of("a"));

        assertThat(size.last()).isEqualTo(1);
        assertThat(at0.reruns()).isZero();
    }

    @Test
    void setAllWithEqualContentsNotifiesNobody() {
        Runs<String> all = Runs.of(list::toString);

        list.setAll(List.of("a", "b", "c"));

        assertThat(all.reruns()).isZero();
    }

    @Test
    void replaceAllNotifiesOnlyTheIndicesWhoseValueChangedAndNeverTheLength() {
        SignalList<String> letters = new SignalList<>(List.of("a", "B", "c"));
        Runs<String> at1 = Runs.of(() -> letters.get(1));
        Runs<String> at2 = Runs.of(() -> letters.get(2));
        Runs<Integer> size = Runs.of(letters::size);

        letters.replaceAll(String::toUpperCase);

        assertThat(letters).containsExactly("A", "B", "C");
        assertThat(at1.reruns()).isZero();
        assertThat(at2.last()).isEqualTo("C");
        assertThat(size.reruns()).isZero();
    }

    @Test
    void replaceAllThatChangesNothingNotifiesNobody() {
        Runs<String> all = Runs.of(list::toString);

        list.replaceAll(s -> s);

        assertThat(all.reruns()).isZero();
    }

    @Test
    void retainAllKeepsOnlyTheGivenElementsAndReportsWhetherItRemovedAny() {
        Runs<Integer> size = Runs.of(list::size);

        assertThat(list.retainAll(List.of("a", "c", "z"))).isTrue();
        assertThat(list.retainAll(List.of("a", "c"))).isFalse();

        assertThat(list).containsExactly("a", "c");
        assertThat(size.reruns()).isEqualTo(1);
    }

    @Test
    void removeAllRemovesEveryGivenElement() {
        Runs<String> at0 = Runs.of(() -> list.get(0));

        assertThat(list.removeAll(List.of("a", "b"))).isTrue();
        assertThat(list.removeAll(List.of("z"))).isFalse();

        assertThat(list).containsExactly("c");
        assertThat(at0.last()).isEqualTo("c");
    }

    @Test
    void clearingAnEmptyListNotifiesNobody() {
        SignalList<String> empty = new SignalList<>();
        Runs<String> all = Runs.of(empty::toString);

        empty.clear();

        assertThat(all.reruns()).isZero();
    }

    @Test
    void aComparatorThatThrowsStillNotifiesTheReadersOfTheListItMayHaveChanged() {
        Runs<String> all = Runs.of(list::toString);

        assertThatThrownBy(() -> list.sort((x, y) -> {
            throw new IllegalStateException("no order");
        })).isInstanceOf(IllegalStateException.class).hasMessage("no order");

        assertThat(all.reruns()).isEqualTo(1);
    }

    @Test
    void sortingAnAlreadySortedListNotifiesNobody() {
        Runs<String> all = Runs.of(list::toString);

        list.sort(Comparator.naturalOrder());

        assertThat(all.reruns()).isZero();
    }

    @Test
    void movingAnElementBackwardsShiftsTheOnesBetweenForwards() {
        Runs<String> at0 = Runs.of(() -> list.get(0));
        Runs<String> at2 = Runs.of(() -> list.get(2));

        list.move(2, 0);

        assertThat(list).containsExactly("c", "a", "b");
        assertThat(at0.last()).isEqualTo("c");
        assertThat(at2.last()).isEqualTo("b");
    }

    @Test
    void movingAnElementOntoItselfNotifiesNobody() {
        Runs<String> all = Runs.of(list::toString);

        list.move(1, 1);

        assertThat(all.reruns()).isZero();
        assertThatThrownBy(() -> list.move(0, 3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> list.move(3, 0)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aListIteratorWalksBackwardsWithPrevious() {
        ListIterator<String> it = list.listIterator(3);

        assertThat(it.hasNext()).isFalse();
        assertThat(it.nextIndex()).isEqualTo(3);
        assertThat(it.previousIndex()).isEqualTo(2);
        List<String> backwards = new ArrayList<>();
        while (it.hasPrevious()) {
            backwards.add(it.previous());
        }

        assertThat(backwards).containsExactly("c", "b", "a");
        assertThat(it.previousIndex()).isEqualTo(-1);
        assertThatThrownBy(it::previous).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void aListIteratorStartsWhereItIsToldAndStopsAtTheEnd() {
        ListIterator<String> it = list.listIterator(1);

        assertThat(it.next()).isEqualTo("b");
        assertThat(it.next()).isEqualTo("c");
        assertThat(it.hasNext()).isFalse();
        assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> list.listIterator(4)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> list.listIterator(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aListIteratorSetsAddsAndRemovesThroughTheList() {
        Runs<String> at1 = Runs.of(() -> list.get(1));
        Runs<Integer> size = Runs.of(list::size);
        ListIterator<String> it = list.listIterator();

        it.next();
        it.set("A");          // a -> A
        it.add("new");        // A new b c, the cursor now before b
        assertThat(it.next()).isEqualTo("b");
        assertThat(it.previous()).isEqualTo("b");
        it.remove();          // removes b, the element previous() returned

        assertThat(list).containsExactly("A", "new", "c");
        assertThat(it.nextIndex()).isEqualTo(2);
        assertThat(it.next()).isEqualTo("c");
        assertThat(at1.last()).isEqualTo("new");
        assertThat(size.last()).isEqualTo(3);
    }

    @Test
    void aListIteratorRefusesSetAndRemoveWithoutACurrentElement() {
        ListIterator<String> it = list.listIterator();

        assertThatThrownBy(it::remove).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> it.set("x")).isInstanceOf(IllegalStateException.class);
        it.next();
        it.remove();
        assertThatThrownBy(it::remove).as("remove twice").isInstanceOf(IllegalStateException.class);
        it.add("x");
        assertThatThrownBy(() -> it.set("y")).as("set after add").isInstanceOf(IllegalStateException.class);

        assertThat(list).containsExactly("x", "b", "c");
    }

    @Test
    void anIteratorFailsFastWhenTheListChangesStructurallyBehindIt() {
        Iterator<String> it = list.iterator();
        it.next();

        list.add("d");

        assertThatThrownBy(it::next).isInstanceOf(ConcurrentModificationException.class);
    }

    @Test
    void anIteratorSurvivesAValueBeingReplacedBehindIt() {
        Iterator<String> it = list.iterator();
        it.next();

        list.set(1, "B");

        assertThat(it.next()).isEqualTo("B");
    }

    @Test
    void readingAnIndexUntrackedCreatesNoDependency() {
        Runs<Integer> untracked = Runs.of(() -> Reactive.untrack(() -> list.get(0).length()));

        list.set(0, "long");

        assertThat(untracked.reruns()).isZero();
    }

    @Test
    void writesReturnWhatTheListInterfacePromises() {
        assertThat(list.add("d")).isTrue();
        assertThat(list.set(0, "A")).isEqualTo("a");
        assertThat(list.set(0, "A")).as("equal value").isEqualTo("A");
        assertThat(list.isEmpty()).isFalse();
        assertThat(new SignalList<String>().isEmpty()).isTrue();
    }

    @Test
    void insertingAtTheEndIndexAppends() {
        list.add(3, "d");
        list.addAll(4, List.of("e", "f"));

        assertThat(list).containsExactly("a", "b", "c", "d", "e", "f");
    }

    @Test
    void swappingTwoNeighboursByMoveNotifiesBoth() {
        Runs<String> at0 = Runs.of(() -> list.get(0));
        Runs<String> at1 = Runs.of(() -> list.get(1));

        list.move(0, 1);

        assertThat(list).containsExactly("b", "a", "c");
        assertThat(at0.last()).isEqualTo("b");
        assertThat(at1.last()).isEqualTo("a");
    }

    @Test
    void everyListIteratorOperationFailsFastAfterAStructuralChangeBehindIt() {
        ListIterator<String> it = list.listIterator(1);
        it.next();

        list.remove(2);

        assertThatThrownBy(it::previous).isInstanceOf(ConcurrentModificationException.class);
        assertThatThrownBy(() -> it.set("x")).isInstanceOf(ConcurrentModificationException.class);
        assertThatThrownBy(it::remove).isInstanceOf(ConcurrentModificationException.class);
        assertThatThrownBy(() -> it.add("x")).isInstanceOf(ConcurrentModificationException.class);
        assertThat(list).containsExactly("a", "b");
    }

    @Test
    void everyOperationRefusesAnotherThreadBeforeTouchingTheList() {
        ListIterator<String> it = list.listIterator();
        it.next();
        List<java.util.concurrent.Callable<?>> operations = List.of(
                list::size, () -> list.set(0, "x"), list::listIterator, it::next, it::previous,
                () -> { it.set("x"); return null; }, () -> { it.add("x"); return null; }, () -> { it.remove(); return null; });
        for (java.util.concurrent.Callable<?> operation : operations) {
            assertThat(Runs.fromAnotherThread(operation)).isInstanceOf(WrongThreadException.class)
                    .hasMessageStartingWith("a SignalList");
        }
        assertThat(list).containsExactly("a", "b", "c");
    }

    @Test
    void movingAnElementAmongEqualOnesNotifiesNobody() {
        SignalList<String> same = new SignalList<>(List.of("x", "x", "x", "y"));
        Runs<String> all = Runs.of(same::toString);

        same.move(0, 2);
        same.move(0, 1);

        assertThat(all.reruns()).isZero();
        assertThat(same).containsExactly("x", "x", "x", "y");
    }
}
