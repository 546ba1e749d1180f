package dev.aether.state.store;

import dev.aether.reactive.Reactive;
import dev.aether.reactive.ReactiveContext;
import dev.aether.reactive.SharedSignal;
import dev.aether.reactive.Signal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The application's store instances, made lazily on first {@link #use} and kept per scope: one
 * per application, per principal, or per session (reactive context). One per application.
 *
 * <pre>{@code
 * Stores stores = Stores.create(() -> currentUser());         // who "the current principal" is
 * Cart cart = stores.use(CART);                               // USER scope: this user's cart, made on first use
 * stores.reset(CART);                                         // its states back to their initial values
 * stores.endSession(sessionContext);                          // SESSION stores of a closed tab: onDispose runs
 * }</pre>
 *
 * <p>Threading: a SESSION store is made on, and belongs to, the context that first used it
 * (call {@code use} there). APPLICATION and USER stores hold thread-safe state
 * ({@link StoreState} over a {@code SharedSignal}): any session may read it reactively and any
 * thread may write it.
 */
public final class Stores implements AutoCloseable {
    private final Supplier<String> currentPrincipal;
    private final Map<ScopeKey, Instance> instances = new ConcurrentHashMap<>();
    /** Stores being set up by this thread now: a store that uses itself, directly or not, is a cycle. */
    private final ThreadLocal<Set<String>> creating = ThreadLocal.withInitial(HashSet::new);

    private record ScopeKey(String id, String principal, ReactiveContext session) {
    }

    /** One made store: what setup returned, its states (for reset) and its disposal hooks. */
    private static final class Instance {
        Object value;
        final List<StoreState<?>> states = new ArrayList<>();
        final List<Runnable> onInit = new ArrayList<>();
        final List<Runnable> onDispose = new ArrayList<>();
    }

    private Stores(Supplier<String> currentPrincipal) {
        this.currentPrincipal = Objects.requireNonNull(currentPrincipal, "currentPrincipal");
    }

    /** Stores whose USER and SESSION scopes belong to whoever {@code currentPrincipal} names when a store is used. */
    public static Stores create(Supplier<String> currentPrincipal) {
        return new Stores(currentPrincipal);
    }

    /** Stores without principals: USER-scoped stores must then be used with {@link #use(StoreDefinition, String)}. */
    public static Stores create() {
        return new Stores(() -> {
            throw new IllegalStateException("no current principal: create the Stores with Stores.create(() -> principal),"
                    + " or name it with use(definition, principal)");
        });
    }

    /** The instance of {@code store} for the current scope, made now if there is none. */
    public <T> T use(StoreDefinition<T> store) {
        return use(store, store.scope() == StoreScope.APPLICATION ? null : currentPrincipal.get());
    }

    /** The instance of {@code store} for {@code principal} (ignored for APPLICATION scope). */
    @SuppressWarnings("unchecked")
    public <T> T use(StoreDefinition<T> store, String principal) {
        ScopeKey key = keyOf(store, principal);
        Instance found = instances.get(key);
        if (found != null) {
            return (T) found.value;
        }
        synchronized (this) {
            found = instances.get(key);
            if (found != null) {
                return (T) found.value;
            }
            Set<String> mine = creating.get();
            if (!mine.add(store.id())) {
                throw new IllegalStateException("store '" + store.id() + "' uses itself (through " + mine + ")");
            }
            try {
                Instance made = new Instance();
                made.value = store.setup().apply(new Setup(made, store.scope(), key.principal()));
                instances.put(key, made);
                made.onInit.forEach(Runnable::run);
                return (T) made.value;
            } finally {
                mine.remove(store.id());
            }
        }
    }

    /** Puts every state of the current scope's instance of {@code store} back to its initial value (no-op if none). */
    public void reset(StoreDefinition<?> store) {
        Instance found = instances.get(keyOf(store, store.scope() == StoreScope.APPLICATION ? null : currentPrincipal.get()));
        if (found != null) {
            found.states.forEach(StoreState::reset);
        }
    }

    /** The session {@code session} ended: its SESSION stores go, their onDispose hooks run. */
    public void endSession(ReactiveContext session) {
        disposeWhere(key -> key.session() == session);
    }

    /** The user's USER stores go (signed out), their onDispose hooks run. */
    public void endUser(String principal) {
        disposeWhere(key -> key.session() == null && key.principal() != null && key.principal().equals(principal));
    }

    /** How many instances exist now. */
    public int size() {
        return instances.size();
    }

    /** Every store goes; onDispose hooks run. */
    @Override
    public void close() {
        disposeWhere(key -> true);
    }

    private void disposeWhere(java.util.function.Predicate<ScopeKey> which) {
        for (Map.Entry<ScopeKey, Instance> entry : Map.copyOf(instances).entrySet()) {
            if (which.test(entry.getKey()) && instances.remove(entry.getKey(), entry.getValue())) {
                entry.getValue().onDispose.reversed().forEach(Runnable::run);
            }
        }
    }

    private static ScopeKey keyOf(StoreDefinition<?> store, String principal) {
        return switch (store.scope()) {
            case APPLICATION -> new ScopeKey(store.id(), null, null);
            case USER -> new ScopeKey(store.id(), Objects.requireNonNull(principal, "principal"), null);
            case SESSION -> new ScopeKey(store.id(), principal, ReactiveContext.current());
        };
    }

    /** What a setup function sees of its instance. */
    private final class Setup implements StoreSetup {
        private final Instance instance;
        private final StoreScope scope;
        private final String principal;

        Setup(Instance instance, StoreScope scope, String principal) {
            this.instance = instance;
            this.scope = scope;
            this.principal = principal;
        }

        @Override
        public <V> StoreState<V> state(V initial) {
            StoreState<V> state = scope == StoreScope.SESSION ? new SessionState<>(initial) : new SharedState<>(initial);
            instance.states.add(state);
            return state;
        }

        @Override
        public <D> D use(StoreDefinition<D> other) {
            if (other.scope() == StoreScope.SESSION && scope != StoreScope.SESSION) {
                throw new IllegalStateException("a " + scope + " store cannot use the SESSION store '" + other.id() + "': it outlives any session");
            }
            if (other.scope() == StoreScope.USER && scope == StoreScope.APPLICATION) {
                throw new IllegalStateException("an APPLICATION store cannot use the USER store '" + other.id() + "': it has no principal");
            }
            return Stores.this.use(other, principal);
        }

        @Override
        public void onInit(Runnable hook) {
            instance.onInit.add(Objects.requireNonNull(hook, "hook"));
        }

        @Override
        public void onDispose(Runnable hook) {
            instance.onDispose.add(Objects.requireNonNull(hook, "hook"));
        }

        @Override
        public StoreScope scope() {
            return scope;
        }

        @Override
        public String principal() {
            return principal;
        }
    }

    /** A SESSION store's value: a signal of the session's context. */
    private static final class SessionState<V> implements StoreState<V> {
        private final V initial;
        private final Signal<V> signal;

        SessionState(V initial) {
            this.initial = initial;
            this.signal = Reactive.signal(initial);
        }

        @Override
        public V get() {
            return signal.get();
        }

        @Override
        public V peek() {
            return signal.peek();
        }

        @Override
        public void set(V value) {
            signal.set(value);
        }

        @Override
        public void update(UnaryOperator<V> fn) {
            signal.update(fn);
        }

        @Override
        public void reset() {
            signal.set(initial);
        }
    }

    /** An APPLICATION or USER store's value: thread-safe, mirrored into each reading context. */
    private static final class SharedState<V> implements StoreState<V> {
        private final V initial;
        private final SharedSignal<V> shared;

        SharedState(V initial) {
            this.initial = initial;
            this.shared = Reactive.sharedSignal(initial);
        }

        @Override
        public V get() {
            return shared.get();
        }

        @Override
        public V peek() {
            return shared.peek();
        }

        @Override
        public void set(V value) {
            shared.set(value);
        }

        @Override
        public void update(UnaryOperator<V> fn) {
            shared.update(fn);
        }

        @Override
        public void reset() {
            shared.set(initial);
        }
    }
}
