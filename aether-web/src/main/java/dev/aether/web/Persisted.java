package dev.aether.web;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * How a value persisted in browser storage is written and read back: its type, the version of
 * its stored form (with the migration from older ones), the fields kept (include / exclude, for a
 * record or a map), a check every restored value must pass, and how long the value must stay
 * unchanged before the browser writes it (debounce).
 *
 * <pre>{@code
 * record Prefs(String sort, String theme, String draft) {}
 * Persisted<Prefs> prefs = Persisted.of(Prefs.class)
 *         .exclude("draft")                                       // never stored
 *         .version(2, (from, old) -> Map.of("sort", "name"))      // version 1 stored something else
 *         .validate(p -> Set.of("name", "date").contains(p.sort()))
 *         .debounce(Duration.ofMillis(500));
 * BrowserStorage.local().persist(prefsSignal, "team.prefs", prefs);
 * }</pre>
 *
 * @param type     what the stored JSON is read as (a record, an enum, a String, a number…)
 * @param version  the version written with the value; a stored value of an older version is migrated
 * @param migrate  turns an older version's stored value (plain JSON: maps, lists, strings, numbers,
 *                 booleans) into the current one's; null: an older value is ignored
 * @param include  the only fields stored (empty: all)
 * @param exclude  fields never stored
 * @param valid    what a restored value must satisfy; one that does not is ignored with an error
 * @param debounce how long a value must stay unchanged before it is written to storage
 */
public record Persisted<T>(Class<T> type, int version, Migration migrate, Set<String> include, Set<String> exclude,
                           Predicate<? super T> valid, Duration debounce) {
    /** The debounce unless told otherwise: a quarter second, so a burst of changes is written once. */
    public static final Duration DEFAULT_DEBOUNCE = Duration.ofMillis(250);

    /** Turns the stored value of an older version into the current version's. */
    @FunctionalInterface
    public interface Migration {
        /**
         * @param fromVersion the version the value was stored with
         * @param stored      the stored value as plain JSON (Map, List, String, Number, Boolean or null)
         * @return the value in the current version's form, as plain JSON or as the type itself
         */
        Object migrate(int fromVersion, Object stored);
    }

    public Persisted {
        Objects.requireNonNull(type, "type");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1, was " + version);
        }
        include = Set.copyOf(include);
        exclude = Set.copyOf(exclude);
        Objects.requireNonNull(valid, "valid");
        if (debounce.isNegative()) {
            throw new IllegalArgumentException("debounce must not be negative");
        }
    }

    /** Version 1, every field, any value of the type, written after {@link #DEFAULT_DEBOUNCE}. */
    public static <T> Persisted<T> of(Class<T> type) {
        return new Persisted<>(type, 1, null, Set.of(), Set.of(), value -> true, DEFAULT_DEBOUNCE);
    }

    /** Stored as {@code version}; a value stored by an older version is passed through {@code migrate}. */
    public Persisted<T> version(int version, Migration migrate) {
        return new Persisted<>(type, version, Objects.requireNonNull(migrate, "migrate"), include, exclude, valid, debounce);
    }

    /** Only these fields are stored and restored; the others keep the value the page started with. */
    public Persisted<T> include(String... fields) {
        return new Persisted<>(type, version, migrate, Set.of(fields), exclude, valid, debounce);
    }

    /** These fields are never stored nor restored. */
    public Persisted<T> exclude(String... fields) {
        return new Persisted<>(type, version, migrate, include, Set.of(fields), valid, debounce);
    }

    /** A restored value must satisfy {@code valid}; one that does not is ignored, and the browser is told why. */
    public Persisted<T> validate(Predicate<? super T> valid) {
        return new Persisted<>(type, version, migrate, include, exclude, valid, debounce);
    }

    /** Written once the value has stayed unchanged this long (zero: at every change). */
    public Persisted<T> debounce(Duration debounce) {
        return new Persisted<>(type, version, migrate, include, exclude, valid, debounce);
    }

    /** Whether {@code field} of a record or map value is stored. */
    boolean keeps(String field) {
        return (include.isEmpty() || include.contains(field)) && !exclude.contains(field);
    }
}
