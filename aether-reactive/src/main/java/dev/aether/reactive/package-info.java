/**
 * The fine-grained reactive core: signals (values you write), computeds (values derived from
 * others, recomputed lazily), effects (side effects re-run when what they read changes),
 * shared signals (thread-safe values many contexts observe), resources (async values) and the
 * owners and contexts that scope them.
 *
 * <p>The entry type is {@link dev.aether.reactive.Reactive}, and it is the one way to create a
 * reactive primitive: {@code signal}, {@code computed}, {@code effect}, {@code sharedSignal} and
 * {@code resource} live there, beside {@code batch}, {@code untrack}, {@code createRoot} and
 * {@code onCleanup}. The primitive types ({@link dev.aether.reactive.Signal},
 * {@link dev.aether.reactive.Computed}, {@link dev.aether.reactive.Effect},
 * {@link dev.aether.reactive.SharedSignal}) are what you hold and call; they have no public
 * factories. A graph belongs to one {@link dev.aether.reactive.ReactiveContext} and runs on its
 * thread.
 *
 * <pre>{@code
 * import static dev.aether.reactive.Reactive.*;
 *
 * Signal<Integer> price = signal(10), quantity = signal(2);
 * Computed<Integer> total = computed(() -> price.get() * quantity.get());
 * effect(() -> System.out.println("total = " + total.get()));   // total = 20
 * batch(() -> { price.set(12); quantity.set(3); });             // total = 36, once
 * }</pre>
 *
 * <p>The guide is {@code docs/reactivity.md}; stores and reactive collections are in
 * {@link dev.aether.reactive.store}.
 */
package dev.aether.reactive;
