package dev.aether.reactive;

/**
 * A signal without a value: {@link #track()} makes the running computed or effect depend on
 * it, {@link #fire()} re-runs them. For adapting mutable data that lives elsewhere.
 *
 * <pre>{@code
 * Trigger changed = new Trigger();
 * List<String> names = new ArrayList<>();
 * Computed<Integer> size = computed(() -> { changed.track(); return names.size(); });
 * names.add("Ada");
 * changed.fire(); // size recomputes on next read
 * }</pre>
 */
public final class Trigger {
    private final Signal<Object> signal = Reactive.signal(null, (a, b) -> false);

    /** Records a dependency on this trigger in the running computed or effect. */
    public void track() {
        signal.get();
    }

    /** Notifies everything that tracked this trigger. */
    public void fire() {
        signal.set(null);
    }

    /** Names the trigger for error messages; returns this. */
    public Trigger named(String name) {
        signal.named(name);
        return this;
    }
}
