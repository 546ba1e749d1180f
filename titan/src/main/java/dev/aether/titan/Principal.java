package dev.aether.titan;

import dev.aether.netron.protocol.http.AuthenticateResponse;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An authenticated caller, as an {@link Authenticator} describes it.
 *
 * <pre>{@code
 * new Principal("u-42", Set.of("admin"), Set.of("users:read", "users:write"), Set.of(), Map.of("token", token));
 * }</pre>
 *
 * @param id          a stable user id
 * @param roles       roles, checked any-of by {@link Auth#roles()}
 * @param permissions permissions, checked all-of by {@link Auth#permissions()}
 * @param scopes      OAuth-style scopes, checked all-of by {@link Auth#scopes()}
 * @param metadata    anything else sent back to the client on authentication: a display name, or the token
 *                    the authenticator issued under {@link #TOKEN}
 */
public record Principal(String id, Set<String> roles, Set<String> permissions, Set<String> scopes, Map<String, Object> metadata) {
    /**
     * The metadata key under which an {@link Authenticator} puts the token it issues; clients
     * send it back as {@code Authorization: Bearer}.
     */
    public static final String TOKEN = "token";

    public Principal {
        Objects.requireNonNull(id, "id");
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        permissions = permissions == null ? Set.of() : Set.copyOf(permissions);
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /**
     * This principal as the auth context every transport sends back on authentication, in the
     * reference's shape: {@code roles} and {@code permissions} always as arrays (the reference
     * types them as required, and browser code calls {@code ctx.permissions.includes(...)}),
     * {@code scopes} and {@code metadata} only when not empty. A token the authenticator issued
     * (the metadata entry {@value #TOKEN}) is also announced as {@code token: {type: 'bearer', value}},
     * the only form in which the TypeScript client keeps a token.
     */
    public AuthenticateResponse.AuthContext toAuthContext() {
        AuthenticateResponse.Token token = metadata.get(TOKEN) instanceof String issued
                ? AuthenticateResponse.Token.bearer(issued) : null;
        return new AuthenticateResponse.AuthContext(id, sorted(roles), sorted(permissions),
                scopes.isEmpty() ? null : sorted(scopes), token, metadata.isEmpty() ? null : metadata);
    }

    // Sorted so that the same principal always reads the same on the wire (Set.copyOf has no order).
    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }

    /** A principal with an id and roles only. */
    public static Principal of(String id, String... roles) {
        return new Principal(id, Set.of(roles), Set.of(), Set.of(), Map.of());
    }
}
