package dev.aether.state.persist;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * How a persisted signal is written and read back. Immutable.
 *
 * <pre>{@code
 * PersistOptions<Prefs> options = PersistOptions.of(Prefs.class)
 *         .exclude("sessionToken")                       // never written
 *         .version(2, (from, stored) -> from < 2 ? rename(stored, "colour", "theme") : stored)
 *         .debounce(Duration.ofMillis(300));             // at most one write per 300 ms of changes
 * }</pre>
 *
 * @param type     the signal's value type (written as JSON with Jackson)
 * @param version  the shape's version, stored beside the value
 * @param migrate  turns a value stored with an older version (given) into the current shape; by
 *                 default an older value is dropped
 * @param include  the fields of an object value that are persisted (empty: all)
 * @param exclude  the fields never persisted
 * @param debounce how long changes wait for more before one write (0: write on each change)
 * @param onError  told when a stored value cannot be read back (the signal keeps its value) or
 *                 a write fails; by default logged
 */
public record PersistOptions<T>(Class<T> type, int version, BiFunction<Integer, JsonNode, JsonNode> migrate, Set<String> include,
                                Set<String> exclude, Duration debounce, Consumer<Exception> onError) {
    public PersistOptions {
        Objects.requireNonNull(type, "type");
        include = Set.copyOf(include);
        exclude = Set.copyOf(exclude);
        Objects.requireNonNull(debounce, "debounce");
        Objects.requireNonNull(onError, "onError");
    }

    /** Version 1, every field, no debounce, errors logged. */
    public static <T> PersistOptions<T> of(Class<T> type) {
        return new PersistOptions<>(type, 1, null, Set.of(), Set.of(), Duration.ZERO, error -> System.getLogger(Persist.class.getName())
                .log(System.Logger.Level.WARNING, "persisted state could not be read or written", error));
    }

    /** The current version, and how a value stored by an older one becomes the current shape. */
    public PersistOptions<T> version(int version, BiFunction<Integer, JsonNode, JsonNode> migrate) {
        return new PersistOptions<>(type, version, migrate, include, exclude, debounce, onError);
    }

    public PersistOptions<T> include(String... fields) {
        return new PersistOptions<>(type, version, migrate, Set.of(fields), exclude, debounce, onError);
    }

    public PersistOptions<T> exclude(String... fields) {
        return new PersistOptions<>(type, version, migrate, include, Set.of(fields), debounce, onError);
    }

    public PersistOptions<T> debounce(Duration debounce) {
        return new PersistOptions<>(type, version, migrate, include, exclude, debounce, onError);
    }

    public PersistOptions<T> onError(Consumer<Exception> onError) {
        return new PersistOptions<>(type, version, migrate, include, exclude, debounce, onError);
    }
}
