package dev.aether.reactive.store;

import dev.aether.reactive.Reactive;

import dev.aether.reactive.ReadSignal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A path into a {@link Store}, such as {@code users[3].name}: read it reactively, write it, or
 * go further down.
 *
 * <p>A cursor is only an address. It holds no value and can be created before the path exists;
 * it is checked when read or written. Going down is by name for record components,
 * by index for lists, and by key for maps: {@code at("users").at(3).at("name")}, or with
 * {@link #select} for a typed record component. Reading through a null parent yields null and
 * an absent map key reads as null; an unknown component, an index out of range or a step into
 * a non-container throws an exception that names the path.
 *
 * <pre>{@code
 * Cursor<List<User>> users = store.cursor().select(AppState::users);
 * Cursor<String> firstName = users.at(0).at("name");
 * effect(() -> System.out.println(users.size() + " users")); // tracks the length only
 * effect(() -> System.out.println(firstName.get()));         // tracks users[0].name only
 * users.add(new User("Bob", 41));                             // "2 users"
 * firstName.update(String::toUpperCase);                      // "ANN"
 * users.at(1).remove();                                       // "1 users"
 * }</pre>
 *
 * @param <T> the type of the value at this path; not checked, as with any heterogeneous lookup
 */
public final class Cursor<T> implements ReadSignal<T> {
    private final Store<?> store;
    private final Path path;
    private PathNode node;

    Cursor(Store<?> store, Path path) {
        this.store = store;
        this.path = path;
    }

    // ---- going down -------------------------------------------------------------------------

    /** The record component called {@code name}, or the entry for a string key if this is a map. */
    public <V> Cursor<V> at(String name) {
        return down(Objects.requireNonNull(name, "name"));
    }

    /** The list element at {@code index}, or the entry for an integer key if this is a map. */
    public <V> Cursor<V> at(int index) {
        return down(index);
    }

    /** The map entry for {@code key}. */
    public <V> Cursor<V> at(Object key) {
        return down(key);
    }

    /** The record component named by an accessor reference: {@code select(AppState::users)}. */
    public <V> Cursor<V> select(RecordAccessor<? super T, V> component) {
        return down(ComponentNames.of(Objects.requireNonNull(component, "component")));
    }

    private <V> Cursor<V> down(Object segment) {
        store.checkThread();
        return new Cursor<>(store, path.child(segment));
    }

    // ---- reading ----------------------------------------------------------------------------

    /**
     * The value at this path. Inside a computed or effect, depends on this path: re-runs when
     * this value or anything beneath it changes.
     */
    @Override
    @SuppressWarnings("unchecked")
    public T get() {
        store.checkThread();
        if (Reactive.isTracking()) { // path nodes exist only for paths something depends on
            node().value().track(); // before reading, so that a read that throws still subscribes
        }
        return (T) store.read(path);
    }

    /** The value at this path, without creating a dependency. */
    @Override
    @SuppressWarnings("unchecked")
    public T peek() {
        store.checkThread();
        return (T) store.read(path);
    }

    /** The length of the list or the size of the map at this path; depends on that number only. */
    public int size() {
        store.checkThread();
        if (Reactive.isTracking()) {
            node().size().track();
        }
        Object value = store.read(path);
        int size = Containers.sizeOf(value);
        if (size < 0) {
            throw new IllegalStateException("cannot take the size of " + path + ": it is "
                    + Containers.describe(value) + ", not a list or map");
        }
        return size;
    }

    /** The keys of the map at this path, unmodifiable; depends on the key set only, not on values. */
    public Set<Object> keys() {
        store.checkThread();
        if (Reactive.isTracking()) {
            node().keys().track();
        }
        Object value = store.read(path);
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalStateException("cannot list the keys of " + path + ": it is "
                    + Containers.describe(value) + ", not a map");
        }
        return Collections.unmodifiableSet(map.keySet());
    }

    /** This cursor's path, such as {@code users[3].name}. */
    public String path() {
        return path.toString();
    }

    // ---- writing ----------------------------------------------------------------------------

    /**
     * Sets the value at this path, rebuilding the records, lists and maps above it. Does nothing
     * when {@code value} equals the current value. For a map entry, adds the key if absent.
     */
    public void set(T value) {
        store.write(path, current -> Objects.equals(current, value) ? current : value);
    }

    /** Sets the value to {@code fn(current)}. */
    @SuppressWarnings("unchecked")
    public void update(UnaryOperator<T> fn) {
        Objects.requireNonNull(fn, "fn");
        store.write(path, current -> {
            Object next = fn.apply((T) current);
            return Objects.equals(current, next) ? current : next;
        });
    }

    /** Appends {@code element} to the list at this path. */
    public void add(Object element) {
        store.write(path, list -> Containers.inserted(list, path, -1, element));
    }

    /** Inserts {@code element} into the list at this path, shifting later elements. */
    public void add(int index, Object element) {
        if (index < 0) {
            throw new IndexOutOfBoundsException("cannot add at " + path + "[" + index + "]");
        }
        store.write(path, list -> Containers.inserted(list, path, index, element));
    }

    /**
     * Removes what this cursor points at from its parent: a list element (later elements shift
     * down) or a map entry. Removing an absent map key does nothing.
     */
    public void remove() {
        if (path.length() == 0) {
            throw new IllegalStateException("cannot remove the root of a store; use set or reset");
        }
        Path parent = path.parent();
        store.write(parent, container -> {
            if (container instanceof Map<?, ?> map && !map.containsKey(path.last())) {
                return container;
            }
            if (container instanceof List<?> list && path.last() instanceof Integer index
                    && (index < 0 || index >= list.size())) {
                throw new IndexOutOfBoundsException("cannot remove " + path + ": " + parent + " has "
                        + list.size() + " elements");
            }
            return Containers.without(container, path);
        });
    }

    private PathNode node() {
        if (node == null) {
            node = store.node(path);
        }
        return node;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cursor<?> cursor && cursor.store == store && cursor.path.equals(path);
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(store) * 31 + path.hashCode();
    }

    @Override
    public String toString() {
        return "Cursor[" + path + "]";
    }
}
