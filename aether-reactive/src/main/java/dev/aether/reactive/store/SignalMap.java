package dev.aether.reactive.store;

import dev.aether.reactive.Reactive;
import dev.aether.reactive.Trigger;
import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * A mutable {@link Map} whose reads are tracked per key.
 *
 * <ul>
 *   <li>{@link #get(Object) get(k)} and {@link #containsKey(Object) containsKey(k)} depend on key
 *       {@code k} only, also while {@code k} is absent, so a later {@code put(k, ...)} re-runs
 *       them. Writes to other keys do not.
 *   <li>{@link #size()} and {@link #isEmpty()} depend on the size only.
 *   <li>Iterating {@link #keySet()} depends on the set of keys (not on values).
 *   <li>Iterating {@link #values()} or {@link #entrySet()}, and {@code equals}, {@code hashCode},
 *       {@code toString}, {@code containsValue}, depend on the whole contents.
 * </ul>
 *
 * <p>{@code put} notifies nothing when the key is present with an {@linkplain Objects#equals
 * equal} value. Each public mutation is one {@linkplain Reactive#batch batch}. Iteration follows
 * insertion order. The map belongs to the context of the thread that created it.
 *
 * <pre>{@code
 * SignalMap<String, String> settings = new SignalMap<>();
 * effect(() -> System.out.println("theme: " + settings.get("theme")));  // theme: null
 * settings.put("font", "serif");   // nothing: the effect read "theme" only
 * settings.put("theme", "dark");   // theme: dark
 * }</pre>
 *
 * <p>Per-key triggers are created the first time a key is read and kept for the life of the
 * map, so memory grows with the number of distinct keys ever read.
 *
 * @param <K> the key type
 * @param <V> the value type; values should be immutable, since changes inside a value are
 *            invisible to the map
 */
public final class SignalMap<K, V> extends AbstractMap<K, V> {
    private final LinkedHashMap<K, V> entries;
    private final Confinement confinement = new Confinement("a SignalMap");
    private final Trigger size = new Trigger().named("SignalMap.size");
    private final Trigger keys = new Trigger().named("SignalMap.keys");
    private final Trigger contents = new Trigger().named("SignalMap.contents");
    private final Map<Object, Trigger> keyTriggers = new HashMap<>();

    /** An empty map in the current context. */
    public SignalMap() {
        this.entries = new LinkedHashMap<>();
    }

    /** A map holding a copy of {@code initial}, in the current context. */
    public SignalMap(Map<? extends K, ? extends V> initial) {
        this.entries = new LinkedHashMap<>(initial);
    }

    // ---- reads ------------------------------------------------------------------------------

    /** The value for {@code key}, or null; tracks that key only. */
    @Override
    public V get(Object key) {
        track(key);
        return entries.get(key);
    }

    /** Whether {@code key} is present; tracks that key only. */
    @Override
    public boolean containsKey(Object key) {
        track(key);
        return entries.containsKey(key);
    }

    /** Tracks the size only. */
    @Override
    public int size() {
        confinement.check();
        size.track();
        return entries.size();
    }

    /** Tracks the size only. */
    @Override
    public boolean isEmpty() {
        return size() == 0;
    }

    /** Tracks the whole contents. */
    @Override
    public boolean containsValue(Object value) {
        confinement.check();
        contents.track();
        return entries.containsValue(value);
    }

    /** A live view; iterating it tracks the key set, {@code contains} tracks one key. */
    @Override
    public Set<K> keySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<K> iterator() {
                return new Itr<>(keys, Map.Entry::getKey);
            }

            @Override
            public int size() {
                return SignalMap.this.size();
            }

            @Override
            public boolean contains(Object key) {
                return containsKey(key);
            }

            @Override
            public boolean remove(Object key) {
                boolean present = entries.containsKey(key);
                SignalMap.this.remove(key);
                return present;
            }
        };
    }

    /** A live view; iterating it tracks the whole contents. */
    @Override
    public Collection<V> values() {
        return new AbstractCollection<>() {
            @Override
            public Iterator<V> iterator() {
                return new Itr<>(contents, Map.Entry::getValue);
            }

            @Override
            public int size() {
                return SignalMap.this.size();
            }
        };
    }

    /** A live view; iterating it tracks the whole contents. {@code Entry.setValue} writes through. */
    @Override
    public Set<Map.Entry<K, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<K, V>> iterator() {
                return new Itr<>(contents, WriteThroughEntry::new);
            }

            @Override
            public int size() {
                return SignalMap.this.size();
            }
        };
    }

    // ---- writes -----------------------------------------------------------------------------

    /** Notifies readers of {@code key} if the value changed, and the key set and size if the key is new. */
    @Override
    public V put(K key, V value) {
        confinement.check();
        boolean present = entries.containsKey(key);
        V old = entries.get(key);
        if (present && Objects.equals(old, value)) {
            return old;
        }
        entries.put(key, value);
        Trigger trigger = keyTriggers.get(key);
        Reactive.batch(() -> {
            if (trigger != null) {
                trigger.fire();
            }
            if (!present) {
                keys.fire();
                size.fire();
            }
            contents.fire();
        });
        return old;
    }

    /** Notifies readers of {@code key}, the key set and the size; nothing if the key is absent. */
    @Override
    public V remove(Object key) {
        confinement.check();
        if (!entries.containsKey(key)) {
            return null;
        }
        V old = entries.remove(key);
        removed(List.of(key == null ? NULL_KEY : key));
        return old;
    }

    @Override
    public void putAll(Map<? extends K, ? extends V> map) {
        confinement.check();
        Map<K, V> copy = new LinkedHashMap<>(map);   // map may be this one
        Reactive.batch(() -> copy.forEach(this::put));
    }

    @Override
    public void clear() {
        confinement.check();
        if (entries.isEmpty()) {
            return;
        }
        List<Object> gone = new ArrayList<>(entries.size());
        for (K key : entries.keySet()) {
            gone.add(key == null ? NULL_KEY : key);
        }
        entries.clear();
        removed(gone);
    }

    // ---- notification -----------------------------------------------------------------------

    /** Stands in for a null key in lists that cannot hold null. */
    private static final Object NULL_KEY = new Object();

    private void removed(List<Object> gone) {
        List<Trigger> fire = new ArrayList<>();
        for (Object key : gone) {
            Trigger trigger = keyTriggers.get(key == NULL_KEY ? null : key);
            if (trigger != null) {
                fire.add(trigger);
            }
        }
        fire.add(keys);
        fire.add(size);
        fire.add(contents);
        Reactive.batch(() -> fire.forEach(Trigger::fire));
    }

    private void track(Object key) {
        confinement.check();
        if (Reactive.isTracking()) { // created only for keys something depends on
            keyTriggers.computeIfAbsent(key, k -> new Trigger().named("SignalMap[" + k + "]")).track();
        }
    }

    /** Walks the backing map so that one iteration tracks one trigger, not every key. */
    private final class Itr<T> implements Iterator<T> {
        private final Iterator<Map.Entry<K, V>> backing;
        private final Function<Map.Entry<K, V>, T> view;
        private Map.Entry<K, V> last;

        Itr(Trigger tracked, Function<Map.Entry<K, V>, T> view) {
            confinement.check();
            tracked.track();
            this.backing = entries.entrySet().iterator();
            this.view = view;
        }

        @Override
        public boolean hasNext() {
            return backing.hasNext();
        }

        @Override
        public T next() {
            confinement.check();
            last = backing.next();
            return view.apply(last);
        }

        @Override
        public void remove() {
            confinement.check();
            if (last == null) {
                throw new IllegalStateException();
            }
            K key = last.getKey();
            backing.remove();
            last = null;
            removed(List.of(key == null ? NULL_KEY : key));
        }
    }

    private final class WriteThroughEntry extends AbstractMap.SimpleEntry<K, V> {
        WriteThroughEntry(Map.Entry<K, V> entry) {
            super(entry);
        }

        @Override
        public V setValue(V value) {
            super.setValue(value);
            return put(getKey(), value);
        }
    }
}
