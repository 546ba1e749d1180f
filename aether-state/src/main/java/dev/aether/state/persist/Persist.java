package dev.aether.state.persist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aether.reactive.Reactive;
import dev.aether.reactive.Signal;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a signal in a {@link StateStorage}: read back when persisting starts, written when it
 * changes, until the owner goes (a pending debounced write is made then). What is stored is
 * {@code {"version": n, "state": <the value as JSON>}}.
 *
 * <pre>{@code
 * Signal<Prefs> prefs = signal(Prefs.DEFAULT);
 * Persist.persist(prefs, "prefs/" + user, storage, PersistOptions.of(Prefs.class).exclude("token"));
 * prefs.set(prefs.get().withTheme("dark"));   // written (after the debounce, if any)
 * }</pre>
 *
 * <p>Object values are merged field by field on reading: a field the stored value lacks (excluded,
 * or added since) keeps the signal's current value. A stored value that cannot be read (not
 * JSON, a newer version, a shape that no longer fits) is reported to {@code onError} and the
 * signal keeps its value; nothing is lost.
 */
public final class Persist {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final ScheduledExecutorService DEBOUNCE = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
            .name("aether-persist").daemon(true).factory());

    private Persist() {
    }

    /**
     * Reads {@code key} into {@code signal} now, then writes every change; call it inside an owner
     * (on the signal's context), which stops it.
     *
     * @throws IllegalStateException outside an owner
     */
    public static <T> Persisted persist(Signal<T> signal, String key, StateStorage storage, PersistOptions<T> options) {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(options, "options");
        if (!Reactive.hasOwner()) {
            throw new IllegalStateException("persist(...) needs an owner: call it inside a component, an effect or createRoot(...)");
        }
        hydrate(signal, key, storage, options);
        Writer<T> writer = new Writer<>(key, storage, options);
        boolean[] first = {true};
        Reactive.effect(() -> {
            T value = signal.get();
            if (first[0]) {
                first[0] = false;   // what was just read back (or the initial value) needs no write
                return;
            }
            writer.changed(value);
        });
        Reactive.onCleanup(writer::flush);
        return writer;
    }

    private static <T> void hydrate(Signal<T> signal, String key, StateStorage storage, PersistOptions<T> options) {
        try {
            Optional<String> stored = storage.read(key);
            if (stored.isEmpty()) {
                return;
            }
            JsonNode root = JSON.readTree(stored.get());
            int version = root.path("version").asInt(0);
            JsonNode state = root.get("state");
            if (state == null) {
                throw new IllegalArgumentException("stored state '" + key + "' has no \"state\" field");
            }
            if (version > options.version()) {
                throw new IllegalArgumentException("stored state '" + key + "' has version " + version + ", newer than " + options.version());
            }
            if (version < options.version()) {
                if (options.migrate() == null) {
                    return;   // an older shape nobody said how to read: start from the current value
                }
                state = options.migrate().apply(version, state);
            }
            JsonNode current = JSON.valueToTree(signal.peek());
            JsonNode merged = filtered(state, options);
            if (current instanceof ObjectNode object && merged instanceof ObjectNode fields) {
                merged = object.deepCopy().setAll(fields);
            }
            signal.set(JSON.treeToValue(merged, options.type()));
        } catch (JsonProcessingException | RuntimeException e) {
            options.onError().accept(e instanceof JsonProcessingException ? new IllegalArgumentException(
                    "stored state '" + key + "' is not what " + options.type().getSimpleName() + " reads: " + e.getMessage(), e) : e);
        }
    }

    /** The fields of an object value that options persist; any other value whole. */
    private static JsonNode filtered(JsonNode value, PersistOptions<?> options) {
        if (!(value instanceof ObjectNode object) || (options.include().isEmpty() && options.exclude().isEmpty())) {
            return value;
        }
        ObjectNode kept = object.deepCopy();
        kept.retain(object.properties().stream().map(java.util.Map.Entry::getKey)
                .filter(field -> (options.include().isEmpty() || options.include().contains(field)) && !options.exclude().contains(field))
                .toList());
        return kept;
    }

    /** Handle of a persisted signal: closing it is done by its owner. */
    public interface Persisted {
        /** Writes a debounced change now. */
        void flush();
    }

    /** Encodes on the signal's context; writes at once, or after the debounce on the persist thread. */
    private static final class Writer<T> implements Persisted {
        private final String key;
        private final StateStorage storage;
        private final PersistOptions<T> options;
        private String pending;              // guarded by this
        private ScheduledFuture<?> scheduled; // guarded by this

        Writer(String key, StateStorage storage, PersistOptions<T> options) {
            this.key = key;
            this.storage = storage;
            this.options = options;
        }

        void changed(T value) {
            String text;
            try {
                ObjectNode stored = JSON.createObjectNode();
                stored.put("version", options.version());
                stored.set("state", filtered(JSON.valueToTree(value), options));
                text = JSON.writeValueAsString(stored);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                options.onError().accept(e);
                return;
            }
            if (options.debounce().isZero()) {
                write(text);
                return;
            }
            synchronized (this) {
                pending = text;
                if (scheduled != null) {
                    scheduled.cancel(false);
                }
                scheduled = DEBOUNCE.schedule(this::flush, options.debounce().toNanos(), TimeUnit.NANOSECONDS);
            }
        }

        @Override
        public void flush() {
            String text;
            synchronized (this) {
                text = pending;
                pending = null;
                if (scheduled != null) {
                    scheduled.cancel(false);
                    scheduled = null;
                }
            }
            if (text != null) {
                write(text);
            }
        }

        private void write(String text) {
            try {
                storage.write(key, text);
            } catch (RuntimeException e) {
                options.onError().accept(e);
            }
        }
    }
}
