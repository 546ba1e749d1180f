package dev.aether.netron.client.auth;

import java.util.Optional;

/**
 * Where a client keeps its tokens: {@link MemoryTokenStore} for a server-side or short-lived
 * client, {@link FileTokenStore} for a CLI or desktop app that stays signed in between runs, or
 * your own (an OS keychain, say). Implementations are thread-safe.
 *
 * <pre>{@code
 * TokenStore tokens = new MemoryTokenStore();
 * tokens.save(AuthTokens.of(client.authenticate(Map.of("username", "ada", "password", pw)).token()));
 * }</pre>
 */
public interface TokenStore {
    /** The tokens stored, if any. */
    Optional<AuthTokens> load();

    /** Replaces what is stored. */
    void save(AuthTokens tokens);

    /** Forgets the tokens (signing out, or a refresh that failed). */
    void clear();
}
