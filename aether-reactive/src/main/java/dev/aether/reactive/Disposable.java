package dev.aether.reactive;

/**
 * Something that can be released: an effect, a root, a subscription.
 *
 * <pre>{@code
 * Disposable stop = count.subscribe(n -> System.out.println(n));
 * stop.dispose();
 * }</pre>
 */
@FunctionalInterface
public interface Disposable {
    /** Releases it; calling again does nothing. */
    void dispose();
}
