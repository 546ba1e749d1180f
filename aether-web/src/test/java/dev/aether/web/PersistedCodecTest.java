package dev.aether.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aether.web.html.RefusedEventException;
import dev.aether.web.protocol.LiveProtocol;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The stored form of a persisted value: written under the rules, and read back without trusting it. */
class PersistedCodecTest {
    public enum Sort { NAME, NEWEST }

    public record Prefs(Sort sort, String theme, String draft) {
    }

    private static final Prefs DEFAULTS = new Prefs(Sort.NAME, "light", "");

    private static <T> PersistedCodec<T> codec(Persisted<T> how) {
        return new PersistedCodec<>(how, "team.prefs", "localStorage");
    }

    @Test
    void aValueIsStoredWithItsVersionAndReadBack() {
        PersistedCodec<Prefs> codec = codec(Persisted.of(Prefs.class));
        Prefs prefs = new Prefs(Sort.NEWEST, "dark", "hello");
        String stored = codec.write(prefs);
        assertThat(stored).isEqualTo("{\"v\":1,\"d\":{\"sort\":\"NEWEST\",\"theme\":\"dark\",\"draft\":\"hello\"}}");
        assertThat(codec.read(stored, DEFAULTS)).isEqualTo(prefs);
    }

    @Test
    void anExcludedFieldIsNeitherStoredNorRestored() {
        PersistedCodec<Prefs> codec = codec(Persisted.of(Prefs.class).exclude("draft"));
        assertThat(codec.write(new Prefs(Sort.NEWEST, "dark", "secret"))).doesNotContain("draft").doesNotContain("secret");
        Prefs read = codec.read("{\"v\":1,\"d\":{\"sort\":\"NEWEST\",\"draft\":\"planted\"}}", DEFAULTS);
        assertThat(read).isEqualTo(new Prefs(Sort.NEWEST, "light", ""));
    }

    @Test
    void onlyIncludedFieldsAreStoredAndTheOthersKeepThePagesValue() {
        PersistedCodec<Prefs> codec = codec(Persisted.of(Prefs.class).include("sort"));
        assertThat(codec.write(new Prefs(Sort.NEWEST, "dark", "x"))).isEqualTo("{\"v\":1,\"d\":{\"sort\":\"NEWEST\"}}");
        assertThat(codec.read("{\"v\":1,\"d\":{\"sort\":\"NEWEST\",\"theme\":\"dark\"}}", DEFAULTS))
                .isEqualTo(new Prefs(Sort.NEWEST, "light", ""));
    }

    @Test
    void aValueOfAnOlderVersionIsMigrated() {
        // version 1 stored the sort alone, as a string
        PersistedCodec<Prefs> codec = codec(Persisted.of(Prefs.class).version(2, (from, old) -> Map.of("sort", old)));
        assertThat(codec.read("{\"v\":1,\"d\":\"NEWEST\"}", DEFAULTS)).isEqualTo(new Prefs(Sort.NEWEST, "light", ""));
        assertThat(codec.write(DEFAULTS)).startsWith("{\"v\":2,");
    }

    @Test
    void aValueOfAnOlderVersionWithoutAMigrationIsRefused() {
        PersistedCodec<Sort> codec = codec(new Persisted<>(Sort.class, 3, null, java.util.Set.of(), java.util.Set.of(), s -> true,
                Persisted.DEFAULT_DEBOUNCE));
        assertThatThrownBy(() -> codec.read("{\"v\":2,\"d\":\"NAME\"}", Sort.NAME)).isInstanceOf(RefusedEventException.class)
                .hasMessage("stored value 'team.prefs' (localStorage) ignored: written by version 2, and the page has no migration to version 3");
    }

    @Test
    void aValueOfANewerVersionIsRefused() {
        assertThatThrownBy(() -> codec(Persisted.of(Sort.class)).read("{\"v\":2,\"d\":\"NAME\"}", Sort.NAME))
                .hasMessage("stored value 'team.prefs' (localStorage) ignored: written by version 2, newer than this page's 1");
    }

    @Test
    void aMigrationThatFailsIsRefusedWithItsReason() {
        PersistedCodec<Sort> codec = codec(Persisted.of(Sort.class).version(2, (from, old) -> {
            throw new IllegalArgumentException("no idea what " + old + " was");
        }));
        assertThatThrownBy(() -> codec.read("{\"v\":1,\"d\":7}", Sort.NAME))
                .hasMessage("stored value 'team.prefs' (localStorage) ignored: its migration from version 1 failed (no idea what 7 was)");
    }

    @Test
    void textThatIsNotJsonIsRefused() {
        assertThatThrownBy(() -> codec(Persisted.of(Sort.class)).read("{\"v\":1,", Sort.NAME))
                .isInstanceOf(RefusedEventException.class).hasMessage("stored value 'team.prefs' (localStorage) ignored: not JSON");
        assertThatThrownBy(() -> codec(Persisted.of(Sort.class)).read("{\"v\":1,\"d\":\"NAME\"} trailing", Sort.NAME))
                .hasMessageEndingWith("not JSON");
    }

    @Test
    void jsonWithoutTheVersionEnvelopeIsRefused() {
        assertThatThrownBy(() -> codec(Persisted.of(Sort.class)).read("\"NAME\"", Sort.NAME))
                .hasMessage("stored value 'team.prefs' (localStorage) ignored: not of the form {\"v\": version, \"d\": value}");
    }

    @Test
    void aValueNotOfTheTypeIsRefusedNamingTheType() {
        assertThatThrownBy(() -> codec(Persisted.of(Prefs.class)).read("{\"v\":1,\"d\":{\"sort\":\"DROP TABLE\"}}", DEFAULTS))
                .isInstanceOf(RefusedEventException.class)
                .hasMessageStartingWith("stored value 'team.prefs' (localStorage) ignored: not a valid Prefs (");
        assertThatThrownBy(() -> codec(Persisted.of(Prefs.class)).read("{\"v\":1,\"d\":{\"unknown\":1}}", DEFAULTS))
                .hasMessageStartingWith("stored value 'team.prefs' (localStorage) ignored: not a valid Prefs (");
    }

    @Test
    void aValueThePagesCheckRejectsIsRefused() {
        PersistedCodec<String> codec = codec(Persisted.of(String.class).validate(s -> s.length() <= 5));
        assertThat(codec.read("{\"v\":1,\"d\":\"short\"}", "")).isEqualTo("short");
        assertThatThrownBy(() -> codec.read("{\"v\":1,\"d\":\"far too long\"}", ""))
                .hasMessage("stored value 'team.prefs' (localStorage) ignored: rejected by the page's check");
    }

    @Test
    void aStoredValueLongerThanTheLimitIsRefusedBeforeItIsParsed() {
        String huge = "{\"v\":1,\"d\":\"" + "x".repeat(LiveProtocol.Persist.MAX_CHARS) + "\"}";
        assertThatThrownBy(() -> codec(Persisted.of(String.class)).read(huge, ""))
                .hasMessage("stored value 'team.prefs' (localStorage) ignored: longer than " + LiveProtocol.Persist.MAX_CHARS + " characters");
    }

    @Test
    void aValueTooLongToStoreIsNotWritten() {
        assertThat(codec(Persisted.of(String.class)).write("x".repeat(LiveProtocol.Persist.MAX_CHARS))).isNull();
    }
}
