package dev.aether.reactive.store;

import dev.aether.reactive.Disposable;
import dev.aether.reactive.Reactive;
import dev.aether.reactive.Trigger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Nested immutable state (records, lists, maps and plain values) with reactivity per path.
 *
 * <p>Reads go through {@link Cursor}s, which name a path such as {@code users[3].name} and
 * depend on that path only. Writes build new records, lists and maps along the path (copy on
 * write) and notify:
 * <ul>
 *   <li>readers of the written path;
 *   <li>readers of its ancestors, whose values are new instances;
 *   <li>readers of paths below it whose value actually changed ({@link Objects#equals}).
 * </ul>
 * Siblings and unrelated paths are never notified. {@link Cursor#size()} depends on a list's or
 * map's length only and {@link Cursor#keys()} on a map's key set only. Writing a value equal to
 * the current one does nothing.
 *
 * <pre>{@code
 * record User(String name, int age) {}
 * record AppState(List<User> users, Map<String, String> settings) {}
 *
 * Store<AppState> store = Store.of(new AppState(List.of(new User("Ann", 30)), Map.of()));
 * Cursor<String> name = store.cursor().select(AppState::users).at(0).at("name");
 * effect(() -> System.out.println(name.get()));        // Ann
 * store.cursor().at("users").add(new User("Bob", 41));  // nothing printed: users[0].name unchanged
 * name.set("Anna");                                     // Anna
 * store.transaction(() -> {                             // effects run once, at the end
 *     name.set("Ada");
 *     store.cursor().at("settings").at("theme").set("dark");
 * });
 * store.reset();                                        // back to the initial state: Ann
 * }</pre>
 *
 * <p>The state should be deeply immutable: the store never copies what it is given, only what
 * it rebuilds, so mutating a list after handing it over goes unnoticed. Record classes must be
 * accessible to this module (public, or in a package opened to it). Like every reactive node, a
 * store belongs to the context of the thread that created it.
 *
 * @param <T> the type of the whole state, usually a record
 */
public final class Store<T> {
    private final T initial;
    private final Confinement confinement = new Confinement("a Store");
    private final PathNode root = new PathNode(null, Path.ROOT.toString());
    private T state;

    private Store(T initial) {
        this.initial = initial;
        this.state = initial;
    }

    /** A store holding {@code initial}, in the current context; {@link #reset()} returns to it. */
    public static <T> Store<T> of(T initial) {
        return new Store<>(initial);
    }

    /** A cursor at the root; go further down with {@link Cursor#at} and {@link Cursor#select}. */
    public Cursor<T> cursor() {
        confinement.check();
        return new Cursor<>(this, Path.ROOT);
    }

    /** The whole state; depends on every change. */
    public T get() {
        return cursor().get();
    }

    /** The whole state, without creating a dependency; the value to serialise or log. */
    public T snapshot() {
        confinement.check();
        return state;
    }

    /**
     * Replaces the whole state. Only readers of paths whose value differs between the old and
     * the new state are notified, so this is also a way to apply a state computed elsewhere.
     */
    public void set(T newState) {
        cursor().set(newState);
    }

    /** Replaces the state with {@code fn(current)}; same notifications as {@link #set}. */
    public void update(UnaryOperator<T> fn) {
        cursor().update(fn);
    }

    /** Returns to the state the store was created with. */
    public void reset() {
        set(initial);
    }

    /**
     * Runs {@code changes} as one {@linkplain Reactive#batch batch}: effects run once, after it.
     * There is no rollback: if {@code changes} throws, the writes it made before stay, and the
     * effects they concern still run before the exception propagates.
     */
    public void transaction(Runnable changes) {
        Objects.requireNonNull(changes, "changes");
        confinement.check();
        Reactive.batch(changes);
    }

    /**
     * Calls {@code listener} with each new state (not the current one), after the transaction
     * that produced it, until the returned handle is disposed. The listener runs untracked.
     */
    public Disposable subscribe(Consumer<? super T> listener) {
        Objects.requireNonNull(listener, "listener");
        confinement.check();
        return Reactive.watch(this::get, (now, before) -> listener.accept(now));
    }

    @Override
    public String toString() {
        return "Store[" + state + "]";
    }

    // ---- used by cursors --------------------------------------------------------------------

    void checkThread() {
        confinement.check();
    }

    /** The value at {@code path}, without tracking. */
    Object read(Path path) {
        confinement.check();
        Object value = state;
        for (int depth = 0; depth < path.length(); depth++) {
            value = Containers.read(value, path, depth);
        }
        return value;
    }

    /** The node for {@code path}, created on first use. */
    PathNode node(Path path) {
        PathNode node = root;
        for (int depth = 0; depth < path.length(); depth++) {
            node = node.child(path, depth);
        }
        return node;
    }

    /**
     * Replaces the value at {@code path} with {@code change(current)}, rebuilding its ancestors,
     * and notifies whoever read something that changed. {@code change} returns its argument
     * itself to mean "no change".
     */
    void write(Path path, UnaryOperator<Object> change) {
        confinement.check();
        T before = state;
        @SuppressWarnings("unchecked")
        T after = (T) rebuild(before, path, 0, change);
        if (after == before) {
            return;
        }
        state = after;
        List<Trigger> fire = new ArrayList<>();
        root.collectChanges(before, after, path, 0, true, fire);
        Reactive.batch(() -> fire.forEach(Trigger::fire));
    }

    private static Object rebuild(Object value, Path path, int depth, UnaryOperator<Object> change) {
        if (depth == path.length()) {
            return change.apply(value);
        }
        Object child = Containers.descend(value, path, depth);
        Object newChild = rebuild(child, path, depth + 1, change);
        return newChild == child ? value : Containers.with(value, path, depth, newChild);
    }
}
