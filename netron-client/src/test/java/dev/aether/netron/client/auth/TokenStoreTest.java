package dev.aether.netron.client.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Memory and file token stores. */
class TokenStoreTest {
    @TempDir
    Path home;

    @Test
    void theMemoryStoreKeepsWhatWasSavedUntilCleared() {
        MemoryTokenStore store = new MemoryTokenStore();
        assertThat(store.load()).isEmpty();
        store.save(new AuthTokens("a", "r"));
        assertThat(store.load()).contains(new AuthTokens("a", "r"));
        store.clear();
        assertThat(store.load()).isEmpty();
    }

    @Test
    void theFileStoreKeepsTheTokensForTheNextRun() {
        Path file = home.resolve("app").resolve("tokens.json");
        new FileTokenStore(file).save(new AuthTokens("access-1", "refresh-1"));

        assertThat(new FileTokenStore(file).load()).contains(new AuthTokens("access-1", "refresh-1"));
    }

    @Test
    void theTokenFileIsReadableByItsOwnerOnlyAndNoTemporaryFileIsLeft() throws Exception {
        Path file = home.resolve("tokens.json");
        FileTokenStore store = new FileTokenStore(file);
        store.save(AuthTokens.of("one"));
        store.save(AuthTokens.of("two"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var files = Files.list(home)) {
            assertThat(files).containsExactly(file);
        }
        assertThat(new FileTokenStore(file).load()).contains(AuthTokens.of("two"));
    }

    @Test
    void clearingDeletesTheFile() {
        Path file = home.resolve("tokens.json");
        FileTokenStore store = new FileTokenStore(file);
        store.save(AuthTokens.of("one"));

        store.clear();

        assertThat(file).doesNotExist();
        assertThat(store.load()).isEmpty();
        assertThat(new FileTokenStore(file).load()).isEmpty();
    }

    @Test
    void aFileThatIsNotTokensCountsAsSignedOut() throws Exception {
        Path file = home.resolve("tokens.json");
        Files.writeString(file, "{not json");
        assertThat(new FileTokenStore(file).load()).isEmpty();

        Files.writeString(file, "{\"refreshToken\":\"r\"}");
        assertThat(new FileTokenStore(file).load()).as("no access token").isEmpty();
    }

    @Test
    void tokensNeverShowInToString() {
        assertThat(new AuthTokens("secret-access", "secret-refresh").toString()).doesNotContain("secret");
    }
}
