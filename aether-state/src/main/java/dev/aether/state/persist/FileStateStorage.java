package dev.aether.state.persist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * Persisted state as one file per key in a directory (server-side per-user state: preferences,
 * drafts). A write goes to a temporary file moved into place atomically, so a crash never leaves
 * half a value; file names are the keys in URL-safe Base64, so any key is a safe name.
 *
 * <pre>{@code
 * StateStorage storage = new FileStateStorage(Path.of("var", "state"));
 * storage.write("alice/theme", "{\"version\":1,\"state\":\"dark\"}");
 * }</pre>
 */
public final class FileStateStorage implements StateStorage {
    /** Longer keys are refused: a file name has limits, and so should what a peer can make us store. */
    public static final int MAX_KEY_LENGTH = 150;

    private final Path directory;

    public FileStateStorage(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the state directory " + directory, e);
        }
    }

    @Override
    public Optional<String> read(String key) {
        try {
            return Optional.of(Files.readString(fileOf(key), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read state '" + key + "'", e);
        }
    }

    @Override
    public void write(String key, String value) {
        Objects.requireNonNull(value, "value");
        Path target = fileOf(key);
        try {
            Path temporary = Files.createTempFile(directory, "write-", ".tmp");
            try {
                Files.writeString(temporary, value, StandardCharsets.UTF_8);
                try {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write state '" + key + "'", e);
        }
    }

    @Override
    public void remove(String key) {
        try {
            Files.deleteIfExists(fileOf(key));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove state '" + key + "'", e);
        }
    }

    private Path fileOf(String key) {
        Objects.requireNonNull(key, "key");
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("a state key has 1 to " + MAX_KEY_LENGTH + " characters, got " + key.length());
        }
        return directory.resolve(Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8)) + ".json");
    }
}
