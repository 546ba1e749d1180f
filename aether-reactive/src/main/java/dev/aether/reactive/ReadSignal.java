package dev.aether.reactive;

import java.util.function.Supplier;

/**
 * A value that can be read reactively: {@link Signal}, {@link Computed}, {@link Resource}, or a
 * read-only view of a signal.
 *
 * <pre>{@code
 * ReadSignal<String> label = computed(() -> "Count: " + count.get());
 * effect(() -> System.out.println(label.get())); // re-runs when count changes
 * }</pre>
 */
public interface ReadSignal<T> extends Supplier<T> {
    /** The current value; inside a computed or effect, makes it depend on this one. */
    @Override
    T get();

    /** The current value without creating a dependency. */
    T peek();
}
