package dev.aether.state.persist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aether.reactive.Disposable;
import dev.aether.reactive.Reactive;
import dev.aether.reactive.Signal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Persisted signals: read back, written on change, versions, fields, debounce, bad input. */
class PersistTest {
    public record Prefs(String theme, int fontSize, String token) {
    }

    private static final Prefs DEFAULTS = new Prefs("light", 14, null);

    private final MemoryStateStorage memory = new MemoryStateStorage();
    private final List<Exception> errors = new CopyOnWriteArrayList<>();
    private final List<Disposable> owners = new java.util.ArrayList<>();

    @AfterEach
    void dispose() {
        owners.forEach(Disposable::dispose);
    }

    private Signal<Prefs> persisted(StateStorage storage, PersistOptions<Prefs> options) {
        Signal<Prefs> prefs = Reactive.signal(DEFAULTS);
        owners.add(Reactive.createRoot(dispose -> {
            Persist.persist(prefs, "alice/prefs", storage, options.onError(errors::add));
            return dispose;
        }));
        return prefs;
    }

    @Test
    void aChangeIsWrittenAndReadBackByTheNextSession() {
        Signal<Prefs> first = persisted(memory, PersistOptions.of(Prefs.class));
        first.set(new Prefs("dark", 16, null));

        Signal<Prefs> reloaded = persisted(memory, PersistOptions.of(Prefs.class));

        assertThat(reloaded.get()).isEqualTo(new Prefs("dark", 16, null));
        assertThat(memory.read("alice/prefs")).hasValueSatisfying(text -> assertThat(text).startsWith("{\"version\":1,\"state\":{"));
    }

    @Test
    void anExcludedFieldIsNeverWrittenAndKeepsItsCurrentValueOnReading() {
        Signal<Prefs> first = persisted(memory, PersistOptions.of(Prefs.class).exclude("token"));
        first.set(new Prefs("dark", 16, "secret"));

        assertThat(memory.read("alice/prefs").orElseThrow()).doesNotContain("secret");
        Signal<Prefs> reloaded = persisted(memory, PersistOptions.of(Prefs.class).exclude("token"));
        assertThat(reloaded.get()).isEqualTo(new Prefs("dark", 16, null));
    }

    @Test
    void includeKeepsOnlyTheNamedFields() {
        Signal<Prefs> first = persisted(memory, PersistOptions.of(Prefs.class).include("theme"));
        first.set(new Prefs("dark", 20, "secret"));

        Signal<Prefs> reloaded = persisted(memory, PersistOptions.of(Prefs.class).include("theme"));

        assertThat(reloaded.get()).isEqualTo(new Prefs("dark", 14, null));
    }

    @Test
    void aValueStoredByAnOlderVersionIsMigrated() {
        memory.write("alice/prefs", "{\"version\":1,\"state\":{\"colour\":\"dark\",\"fontSize\":18}}");

        Signal<Prefs> prefs = persisted(memory, PersistOptions.of(Prefs.class).version(2, (from, stored) -> {
            ObjectNode object = (ObjectNode) stored;
            object.set("theme", object.remove("colour"));
            return object;
        }));

        assertThat(prefs.get()).isEqualTo(new Prefs("dark", 18, null));
    }

    @Test
    void anOlderValueWithoutAMigrationIsDroppedForTheCurrentValue() {
        memory.write("alice/prefs", "{\"version\":1,\"state\":{\"theme\":\"dark\"}}");

        Signal<Prefs> prefs = persisted(memory, PersistOptions.of(Prefs.class).version(2, null));

        assertThat(prefs.get()).isEqualTo(DEFAULTS);
    }

    @Test
    void unreadableStoredStateIsReportedAndTheSignalKeepsItsValue() {
        memory.write("alice/prefs", "{not json");

        Signal<Prefs> prefs = persisted(memory, PersistOptions.of(Prefs.class));

        assertThat(prefs.get()).isEqualTo(DEFAULTS);
        assertThat(errors).singleElement().satisfies(e -> assertThat(e).hasMessageContaining("is not what Prefs reads"));
        assertThat(memory.read("alice/prefs")).as("nothing lost").contains("{not json");
    }

    @Test
    void debouncedChangesMakeOneWriteOfTheLastValue() {
        AtomicInteger writes = new AtomicInteger();
        StateStorage counting = new StateStorage() {
            @Override
            public Optional<String> read(String key) {
                return memory.read(key);
            }

            @Override
            public void write(String key, String value) {
                writes.incrementAndGet();
                memory.write(key, value);
            }

            @Override
            public void remove(String key) {
                memory.remove(key);
            }
        };
        Signal<Prefs> prefs = persisted(counting, PersistOptions.of(Prefs.class).debounce(Duration.ofMillis(200)));

        for (int size = 10; size <= 15; size++) {
            prefs.set(new Prefs("dark", size, null));
        }

        dev.aether.reactive.ReactiveContext.current().awaitCondition(() -> writes.get() == 1, Duration.ofSeconds(10));
        assertThat(memory.read("alice/prefs").orElseThrow()).contains("\"fontSize\":15");
    }

    @Test
    void aPendingDebouncedWriteIsMadeWhenTheOwnerGoes() {
        Signal<Prefs> prefs = persisted(memory, PersistOptions.of(Prefs.class).debounce(Duration.ofMinutes(1)));
        prefs.set(new Prefs("dark", 16, null));
        assertThat(memory.read("alice/prefs")).isEmpty();

        owners.removeFirst().dispose();

        assertThat(memory.read("alice/prefs").orElseThrow()).contains("dark");
    }

    @Test
    void aFileStorageKeepsStateAcrossInstances(@TempDir Path directory) {
        Signal<Prefs> first = persisted(new FileStateStorage(directory), PersistOptions.of(Prefs.class));
        first.set(new Prefs("dark", 16, null));

        Signal<Prefs> reloaded = persisted(new FileStateStorage(directory), PersistOptions.of(Prefs.class));

        assertThat(reloaded.get()).isEqualTo(new Prefs("dark", 16, null));
    }

    @Test
    void aFileStorageRefusesAnOverlongKeyAndAcceptsAnyCharacters(@TempDir Path directory) {
        FileStateStorage files = new FileStateStorage(directory);

        files.write("../../etc/passwd", "x");

        assertThat(files.read("../../etc/passwd")).contains("x");
        assertThat(directory.toFile().list()).hasSize(1);
        assertThatThrownBy(() -> files.write("k".repeat(FileStateStorage.MAX_KEY_LENGTH + 1), "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
