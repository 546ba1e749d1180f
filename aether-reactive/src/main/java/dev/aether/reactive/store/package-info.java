/**
 * Fine-grained reactive state larger than one value: reactive collections and stores.
 *
 * <ul>
 *   <li>{@link dev.aether.reactive.store.SignalList} and {@link dev.aether.reactive.store.SignalMap}
 *       are mutable {@code java.util} collections whose reads are tracked per index or per key,
 *       plus length or size and key set.
 *   <li>{@link dev.aether.reactive.store.Store} holds nested immutable state (records, lists,
 *       maps) and tracks it per path through {@link dev.aether.reactive.store.Cursor}s, so a write
 *       to {@code users[3].name} re-runs only what read {@code users[3].name} (or a parent of it).
 * </ul>
 *
 * <pre>{@code
 * SignalList<String> names = new SignalList<>(List.of("Ann", "Bob"));
 * effect(() -> System.out.println(names.get(1)));  // Bob
 * names.set(0, "Ada");                             // nothing: index 1 did not change
 * }</pre>
 *
 * <p>Everything here is built on the public core API ({@link dev.aether.reactive.Trigger},
 * {@link dev.aether.reactive.Reactive#batch}) and follows its threading rule: one context per
 * collection or store. The guide is {@code docs/reactivity-stores.md}.
 */
package dev.aether.reactive.store;
