package dev.aether.netron.client.auth;

import java.util.concurrent.CompletableFuture;

/**
 * Gets new tokens for expired ones: typically a call to the server's refresh endpoint with the
 * refresh token. A failed future means the session is over.
 *
 * <pre>{@code
 * TokenRefresher refresher = expired -> authClient.fluent(Auth.class)
 *         .callAsync(auth -> auth.refresh(expired.refreshToken()))
 *         .thenApply(issued -> new AuthTokens(issued.accessToken(), issued.refreshToken()));
 * }</pre>
 */
@FunctionalInterface
public interface TokenRefresher {
    CompletableFuture<AuthTokens> refresh(AuthTokens expired);
}
