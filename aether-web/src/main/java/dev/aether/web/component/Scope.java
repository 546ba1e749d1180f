package dev.aether.web.component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A component's place in the tree: parent link, provided context values, render error handlers,
 * onMount callbacks. It sits beside the component's reactive owner (a root from the core) because
 * the core's owners are not public; the current scope is per thread, like the core's owner.
 */
public final class Scope {
    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();
    private static final Object NULL = new Object();

    private final Scope parent;
    private final String name;
    private final boolean boundary;
    private Map<Context<?>, Object> values;
    private List<Consumer<? super Throwable>> errorHandlers;
    private List<Supplier<Runnable>> mounts;

    private Scope(Scope parent, String name, boolean boundary) {
        this.parent = parent;
        this.name = name;
        this.boundary = boundary;
    }

    /** A scope with no parent: what a renderer starts from. */
    public static Scope root() {
        return new Scope(null, "root", false);
    }

    /** The scope rendering now on this thread, or null. */
    public static Scope current() {
        return CURRENT.get();
    }

    static Scope require(String caller) {
        Scope s = CURRENT.get();
        if (s == null) {
            throw new IllegalStateException(caller + " must be called while a component renders");
        }
        return s;
    }

    /** Runs {@code fn} with {@code scope} current. */
    public static <T> T run(Scope scope, Supplier<T> fn) {
        Scope previous = CURRENT.get();
        CURRENT.set(scope);
        try {
            return fn.get();
        } finally {
            CURRENT.set(previous);
        }
    }

    /** A child of the current scope (or a root when there is none). */
    static Scope child(String name) {
        Scope current = CURRENT.get();
        return new Scope(current, name, false);
    }

    static Scope boundary(String name) {
        return new Scope(CURRENT.get(), name, true);
    }

    public String name() {
        return name;
    }

    public Scope parent() {
        return parent;
    }

    /** Provides {@code value} for {@code context} to this scope and its descendants. */
    public <T> void provide(Context<T> context, T value) {
        if (values == null) {
            values = new HashMap<>(4);
        }
        values.put(context, value == null ? NULL : value);
    }

    /** The value nearest up the chain, or the context's default. */
    @SuppressWarnings("unchecked")
    <T> T lookup(Context<T> context) {
        for (Scope s = this; s != null; s = s.parent) {
            if (s.values != null) {
                Object v = s.values.get(context);
                if (v != null) {
                    return v == NULL ? null : (T) v;
                }
            }
        }
        return context.defaultValue();
    }

    void addErrorHandler(Consumer<? super Throwable> handler) {
        if (errorHandlers == null) {
            errorHandlers = new ArrayList<>(2);
        }
        errorHandlers.add(handler);
    }

    void addMount(Supplier<Runnable> mount) {
        if (mounts == null) {
            mounts = new ArrayList<>(2);
        }
        mounts.add(mount);
    }

    /** The onMount callbacks registered here, for the live runtime to run after insertion. SSR never runs them. */
    public List<Supplier<Runnable>> mounts() {
        return mounts == null ? List.of() : List.copyOf(mounts);
    }

    /**
     * Sends a render error up the chain, starting here: the nearest onError handler takes it
     * (true), a handler that throws passes its exception on; an error boundary on the way, or no
     * handler at all, means the caller must rethrow (false).
     */
    boolean handle(Throwable error) {
        Throwable current = error;
        for (Scope s = this; s != null; s = s.parent) {
            if (s.boundary) {
                return false;
            }
            if (s.errorHandlers == null || s.errorHandlers.isEmpty()) {
                continue;
            }
            try {
                s.errorHandlers.get(s.errorHandlers.size() - 1).accept(current);
                return true;
            } catch (RuntimeException t) {
                if (t != current) {
                    t.addSuppressed(current);
                }
                current = t;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return parent == null ? name : parent + " > " + name;
    }
}
