package dev.aether.reactive.store;

import dev.aether.reactive.Reactive;
import dev.aether.reactive.Trigger;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.ConcurrentModificationException;
import java.util.Comparator;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A mutable {@link List} whose reads are tracked as finely as they are made.
 *
 * <ul>
 *   <li>{@link #get(int) get(i)} depends on index {@code i} only: it re-runs when the value at
 *       that position changes (by {@code set}, or because an insertion or removal shifted a
 *       different value there), not when other positions change.
 *   <li>{@link #size()} and {@link #isEmpty()} depend on the length only.
 *   <li>Everything that looks at all elements (iteration, streams, {@code contains},
 *       {@code indexOf}, {@code equals}, {@code hashCode}, {@code toString}) depends on the whole
 *       contents.
 * </ul>
 *
 * <p>Writes compare with {@link Objects#equals}: setting an equal value notifies nobody. Every
 * public mutation, bulk ones included, is one {@linkplain Reactive#batch batch}, so effects run
 * once per call. Like every reactive node, a list belongs to the context of the thread that
 * created it; other threads get a {@link dev.aether.reactive.WrongThreadException}.
 *
 * <pre>{@code
 * SignalList<String> todos = new SignalList<>(List.of("write", "test"));
 * effect(() -> System.out.println("first: " + todos.get(0)));   // first: write
 * effect(() -> System.out.println("count: " + todos.size()));   // count: 2
 * todos.set(1, "ship");   // prints nothing: index 0 and the length did not change
 * todos.add(0, "plan");   // first: plan, then count: 3
 * }</pre>
 *
 * <p>Per-index triggers are created the first time an index is read and kept for the life of
 * the list, so memory grows with the number of distinct indices ever read, not with the size.
 *
 * @param <E> the element type; elements should be immutable values, since changes inside an
 *            element are invisible to the list
 */
public final class SignalList<E> extends AbstractList<E> {
    private static final Object ABSENT = new Object();

    private final ArrayList<E> items;
    private final Confinement confinement = new Confinement("a SignalList");
    private final Trigger length = new Trigger().named("SignalList.length");
    private final Trigger contents = new Trigger().named("SignalList.contents");
    /** Only indices someone has read; a tree so that a change from index i visits the tail only. */
    private final NavigableMap<Integer, Trigger> indices = new TreeMap<>();

    /** An empty list in the current context. */
    public SignalList() {
        this.items = new ArrayList<>();
    }

    /** A list holding a copy of {@code initial}, in the current context. */
    public SignalList(Collection<? extends E> initial) {
        this.items = new ArrayList<>(initial);
    }

    // ---- reads ------------------------------------------------------------------------------

    /** The element at {@code index}; tracks that index only (also when it is out of range, so a later add notifies). */
    @Override
    public E get(int index) {
        confinement.check();
        if (index < 0) {
            throw new IndexOutOfBoundsException("Index " + index + " out of bounds for length " + items.size());
        }
        if (Reactive.isTracking()) {
            indexTrigger(index).track(); // created only for indices something depends on
        }
        return items.get(index);
    }

    /** The number of elements; tracks the length only. */
    @Override
    public int size() {
        confinement.check();
        length.track();
        return items.size();
    }

    /** Tracks the length only. */
    @Override
    public boolean isEmpty() {
        return size() == 0;
    }

    /** Iterates over all elements; tracks the whole contents. */
    @Override
    public ListIterator<E> listIterator(int index) {
        confinement.check();
        contents.track();
        Objects.checkIndex(index, items.size() + 1);
        return new Itr(index);
    }

    @Override
    public ListIterator<E> listIterator() {
        return listIterator(0);
    }

    @Override
    public java.util.Iterator<E> iterator() {
        return listIterator(0);
    }

    // ---- writes -----------------------------------------------------------------------------

    /** Replaces the element at {@code index}; notifies readers of that index unless the value is equal. */
    @Override
    public E set(int index, E element) {
        confinement.check();
        E old = items.get(index);
        if (Objects.equals(old, element)) {
            return old;
        }
        items.set(index, element);
        Trigger trigger = indices.get(index);
        Reactive.batch(() -> {
            if (trigger != null) {
                trigger.fire();
            }
            contents.fire();
        });
        return old;
    }

    /** Appends {@code element}; notifies the length and readers of the new index. */
    @Override
    public boolean add(E element) {
        int end = items.size();
        return change(end, true, () -> items.add(element));
    }

    /** Inserts {@code element}; notifies the length and every index at or after {@code index} whose value changed. */
    @Override
    public void add(int index, E element) {
        Objects.checkIndex(index, items.size() + 1);
        change(index, true, () -> {
            items.add(index, element);
            return true;
        });
    }

    /** Removes the element at {@code index}; notifies the length and every shifted index whose value changed. */
    @Override
    public E remove(int index) {
        Objects.checkIndex(index, items.size());
        Object[] removed = new Object[1];
        change(index, true, () -> {
            removed[0] = items.remove(index);
            return true;
        });
        @SuppressWarnings("unchecked")
        E element = (E) removed[0];
        return element;
    }

    @Override
    public boolean addAll(Collection<? extends E> elements) {
        List<E> copy = new ArrayList<>(elements);   // elements may be this list
        return change(items.size(), true, () -> items.addAll(copy));
    }

    @Override
    public boolean addAll(int index, Collection<? extends E> elements) {
        Objects.checkIndex(index, items.size() + 1);
        List<E> copy = new ArrayList<>(elements);
        return change(index, true, () -> items.addAll(index, copy));
    }

    @Override
    public void clear() {
        change(0, true, () -> {
            boolean had = !items.isEmpty();
            items.clear();
            return had;
        });
    }

    @Override
    public boolean removeIf(Predicate<? super E> filter) {
        Objects.requireNonNull(filter, "filter");
        return change(0, true, () -> items.removeIf(filter));
    }

    @Override
    public boolean removeAll(Collection<?> elements) {
        Objects.requireNonNull(elements, "elements");
        return removeIf(elements::contains);
    }

    @Override
    public boolean retainAll(Collection<?> elements) {
        Objects.requireNonNull(elements, "elements");
        return removeIf(e -> !elements.contains(e));
    }

    @Override
    protected void removeRange(int fromIndex, int toIndex) {
        change(fromIndex, true, () -> {
            items.subList(fromIndex, toIndex).clear();
            return fromIndex < toIndex;
        });
    }

    @Override
    public void replaceAll(UnaryOperator<E> operator) {
        Objects.requireNonNull(operator, "operator");
        change(0, false, () -> {
            List<E> before = new ArrayList<>(items);
            items.replaceAll(operator);
            return !before.equals(items);
        });
    }

    /** Sorts in place; notifies only the indices whose value changed. */
    @Override
    public void sort(Comparator<? super E> comparator) {
        change(0, false, () -> {
            List<E> before = new ArrayList<>(items);
            items.sort(comparator);
            return !before.equals(items);
        });
    }

    /**
     * Moves the element at {@code from} so that it ends up at index {@code to}, shifting the
     * ones between; notifies the indices in between whose value changed, not the length.
     */
    public void move(int from, int to) {
        Objects.checkIndex(from, items.size());
        Objects.checkIndex(to, items.size());
        change(Math.min(from, to), false, () -> {
            if (from == to) {
                return false;
            }
            List<E> before = new ArrayList<>(items.subList(Math.min(from, to), Math.max(from, to) + 1));
            items.add(to, items.remove(from));
            return !before.equals(items.subList(Math.min(from, to), Math.max(from, to) + 1));
        });
    }

    /** Replaces all elements with {@code elements}; notifies the indices whose value changed and, if it changed, the length. */
    public void setAll(Collection<? extends E> elements) {
        List<E> copy = new ArrayList<>(elements);
        change(0, true, () -> {
            if (items.equals(copy)) {
                return false;
            }
            items.clear();
            items.addAll(copy);
            return true;
        });
    }

    // ---- notification -----------------------------------------------------------------------

    /**
     * Runs a mutation that may touch indices from {@code from} on, then fires exactly the
     * triggers whose observed value changed. Comparing before and after, rather than having each
     * mutation work out its own shifts, keeps every operation correct with one piece of logic.
     */
    private boolean change(int from, boolean structural, BooleanSupplier mutation) {
        confinement.check();
        // Copied, not a live view: the mutation may call back into the list and add triggers.
        List<Watched> watched = new ArrayList<>();
        for (Map.Entry<Integer, Trigger> entry : indices.tailMap(from, true).entrySet()) {
            watched.add(new Watched(entry.getValue(), entry.getKey(), valueAt(entry.getKey())));
        }
        int oldSize = items.size();
        boolean changed;
        try {
            changed = mutation.getAsBoolean();
        } catch (RuntimeException | Error e) {
            // A comparator or predicate that throws may leave the list half changed: tell readers.
            notifyChanged(watched, oldSize, structural);
            throw e;
        }
        if (changed) {
            notifyChanged(watched, oldSize, structural);
        }
        return changed;
    }

    private void notifyChanged(List<Watched> watched, int oldSize, boolean structural) {
        if (structural) {
            modCount++;
        }
        // Collected first, then fired in one batch, so that effects see the finished change.
        List<Trigger> fire = new ArrayList<>();
        for (Watched w : watched) {
            if (!Objects.equals(w.before(), valueAt(w.index()))) {
                fire.add(w.trigger());
            }
        }
        if (items.size() != oldSize) {
            fire.add(length);
        }
        fire.add(contents);
        Reactive.batch(() -> fire.forEach(Trigger::fire));
    }

    private record Watched(Trigger trigger, int index, Object before) {
    }

    private Object valueAt(int index) {
        return index < items.size() ? items.get(index) : ABSENT;
    }

    private Trigger indexTrigger(int index) {
        return indices.computeIfAbsent(index, i -> new Trigger().named("SignalList[" + i + "]"));
    }

    /** Reads the backing list directly, so that iterating tracks the contents once rather than every index. */
    private final class Itr implements ListIterator<E> {
        private int next;
        private int last = -1;
        private int expectedModCount = modCount;

        Itr(int start) {
            this.next = start;
        }

        @Override
        public boolean hasNext() {
            return next < items.size();
        }

        @Override
        public E next() {
            check();
            if (next >= items.size()) {
                throw new NoSuchElementException();
            }
            last = next;
            return items.get(next++);
        }

        @Override
        public boolean hasPrevious() {
            return next > 0;
        }

        @Override
        public E previous() {
            check();
            if (next <= 0) {
                throw new NoSuchElementException();
            }
            last = --next;
            return items.get(next);
        }

        @Override
        public int nextIndex() {
            return next;
        }

        @Override
        public int previousIndex() {
            return next - 1;
        }

        @Override
        public void remove() {
            if (last < 0) {
                throw new IllegalStateException();
            }
            check();
            SignalList.this.remove(last);
            next = last;
            last = -1;
            expectedModCount = modCount;
        }

        @Override
        public void set(E element) {
            if (last < 0) {
                throw new IllegalStateException();
            }
            check();
            SignalList.this.set(last, element);
        }

        @Override
        public void add(E element) {
            check();
            SignalList.this.add(next++, element);
            last = -1;
            expectedModCount = modCount;
        }

        private void check() {
            confinement.check();
            if (modCount != expectedModCount) {
                throw new ConcurrentModificationException();
            }
        }
    }
}
