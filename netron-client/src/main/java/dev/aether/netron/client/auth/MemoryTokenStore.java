package dev.aether.netron.client.auth;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Tokens kept in memory only: gone when the process ends.
 *
 * <pre>{@code
 * TokenStore tokens = new MemoryTokenStore(AuthTokens.of(token));
 * }</pre>
 */
public final class MemoryTokenStore implements TokenStore {
    private final AtomicReference<AuthTokens> tokens = new AtomicReference<>();

    /** An empty store. */
    public MemoryTokenStore() {
    }

    /** A store holding {@code tokens}. */
    public MemoryTokenStore(AuthTokens tokens) {
        save(tokens);
    }

    @Override
    public Optional<AuthTokens> load() {
        return Optional.ofNullable(tokens.get());
    }

    @Override
    public void save(AuthTokens tokens) {
        this.tokens.set(Objects.requireNonNull(tokens, "tokens"));
    }

    @Override
    public void clear() {
        tokens.set(null);
    }
}
