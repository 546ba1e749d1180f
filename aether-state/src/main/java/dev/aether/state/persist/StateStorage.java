package dev.aether.state.persist;

import java.util.Optional;

/**
 * Where persisted state is kept, as text by key: {@link MemoryStateStorage},
 * {@link FileStateStorage} on the server, or a browser's localStorage / sessionStorage through
 * the live runtime (aether-web). Reads are synchronous: a storage that lives elsewhere (a
 * browser) hands its values over before the session starts, and writes through asynchronously.
 * Implementations are thread-safe.
 *
 * <pre>{@code
 * StateStorage storage = new FileStateStorage(Path.of("state"));
 * Persisted prefs = Persist.persist(theme, "alice/theme", storage, PersistOptions.of(String.class));
 * }</pre>
 */
public interface StateStorage {
    /** The text stored under {@code key}, if any. */
    Optional<String> read(String key);

    /** Stores {@code value} under {@code key}, replacing what was there. */
    void write(String key, String value);

    /** Forgets {@code key}. */
    void remove(String key);
}
