package dev.aether.netron.client.auth;

import java.util.Objects;

/**
 * What a client keeps to authenticate: the access token sent with calls and, if the server
 * issued one, the refresh token that buys a new access token.
 *
 * <pre>{@code
 * store.save(new AuthTokens("eyJhbGciOi...", "r-1c5f..."));
 * }</pre>
 *
 * @param accessToken  sent as the bearer token
 * @param refreshToken exchanged for a new access token when it expires, or null
 */
public record AuthTokens(String accessToken, String refreshToken) {
    public AuthTokens {
        Objects.requireNonNull(accessToken, "accessToken");
    }

    /** Just an access token. */
    public static AuthTokens of(String accessToken) {
        return new AuthTokens(accessToken, null);
    }

    /** Never shows the tokens themselves (they end up in logs otherwise). */
    @Override
    public String toString() {
        return "AuthTokens[accessToken=…, refreshToken=" + (refreshToken == null ? "none" : "…") + "]";
    }
}
