/**
 * Persisted state: {@link dev.aether.state.persist.Persist#persist} keeps a signal in a
 * {@link dev.aether.state.persist.StateStorage} (memory, files on the server, or a browser's
 * storage through the live runtime), with versions and migration, included and excluded fields,
 * and debounced writes.
 *
 * <pre>{@code
 * Persist.persist(prefs, "prefs/" + user, new FileStateStorage(dir), PersistOptions.of(Prefs.class).debounce(Duration.ofMillis(300)));
 * }</pre>
 */
package dev.aether.state.persist;
