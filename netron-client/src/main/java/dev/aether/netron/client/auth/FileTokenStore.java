package dev.aether.netron.client.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Optional;

/**
 * Tokens kept in a JSON file, for a CLI or desktop app that stays signed in between runs. Each
 * save writes a new file next to it and moves it into place in one step, so a crash never
 * leaves half a token; where the file system has POSIX permissions the file is readable and
 * writable by its owner only ({@code rw-------}) from the moment it exists. The tokens read are
 * kept in memory, so a call does not read the disk.
 *
 * <pre>{@code
 * TokenStore tokens = new FileTokenStore(Path.of(System.getProperty("user.home"), ".myapp", "tokens.json"));
 * }</pre>
 *
 * <p>A file that cannot be read as tokens counts as no tokens (the user signs in again); an
 * I/O failure is an {@link UncheckedIOException}.
 */
public final class FileTokenStore implements TokenStore {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String OWNER_ONLY = "rw-------";

    private final Path file;
    private final Object lock = new Object();
    private volatile Optional<AuthTokens> cached; // null until first read

    public FileTokenStore(Path file) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
    }

    @Override
    public Optional<AuthTokens> load() {
        Optional<AuthTokens> known = cached;
        if (known != null) {
            return known;
        }
        synchronized (lock) {
            if (cached == null) {
                cached = read();
            }
            return cached;
        }
    }

    @Override
    public void save(AuthTokens tokens) {
        Objects.requireNonNull(tokens, "tokens");
        synchronized (lock) {
            try {
                Files.createDirectories(file.getParent());
                Path temporary = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".tmp", ownerOnly());
                try {
                    Files.write(temporary, JSON.writeValueAsBytes(tokens));
                    move(temporary);
                } finally {
                    Files.deleteIfExists(temporary);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not save the tokens to " + file, e);
            }
            cached = Optional.of(tokens);
        }
    }

    @Override
    public void clear() {
        synchronized (lock) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("could not delete " + file, e);
            }
            cached = Optional.empty();
        }
    }

    /** The file the tokens are kept in. */
    public Path file() {
        return file;
    }

    private Optional<AuthTokens> read() {
        try {
            return Optional.of(JSON.readValue(Files.readAllBytes(file), AuthTokens.class));
        } catch (NoSuchFileException missing) {
            return Optional.empty();
        } catch (com.fasterxml.jackson.core.JacksonException unreadable) { // Jackson wraps a missing accessToken too
            return Optional.empty(); // not tokens (an old format, a hand edit): sign in again rather than fail every call
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the tokens in " + file, e);
        }
    }

    private void move(Path temporary) throws IOException {
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException notAtomic) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private FileAttribute<?>[] ownerOnly() {
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(OWNER_ONLY))}
                : new FileAttribute<?>[0];
    }
}
