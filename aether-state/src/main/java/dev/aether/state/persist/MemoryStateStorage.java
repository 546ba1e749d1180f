package dev.aether.state.persist;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Persisted state in memory: for tests, and for state that should outlive a session but not the
 * process.
 *
 * <pre>{@code
 * StateStorage storage = new MemoryStateStorage();
 * }</pre>
 */
public final class MemoryStateStorage implements StateStorage {
    private final Map<String, String> values = new ConcurrentHashMap<>();

    /** An empty storage. */
    public MemoryStateStorage() {
    }

    @Override
    public Optional<String> read(String key) {
        return Optional.ofNullable(values.get(Objects.requireNonNull(key, "key")));
    }

    @Override
    public void write(String key, String value) {
        values.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    }

    @Override
    public void remove(String key) {
        values.remove(Objects.requireNonNull(key, "key"));
    }
}
