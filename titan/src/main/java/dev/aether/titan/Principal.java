package dev.aether.titan;

import dev.aether.netron.protocol.http.AuthenticateResponse;
import java.util.ArrayList;
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
 * @param metadata    anything else sent back to the client on authentication (a token, a display name)
 */
public record Principal(String id, Set<String> roles, Set<String> permissions, Set<String> scopes, Map<String, Object> metadata) {
    public Principal {
        Objects.requireNonNull(id, "id");
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        permissions = permissions == null ? Set.of() : Set.copyOf(permissions);
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /**
     * This principal as the auth context every transport sends back on authentication. Empty
     * roles, permissions, scopes and metadata are omitted, as the reference omits fields its
     * principal does not have.
     */
    public AuthenticateResponse.AuthContext toAuthContext() {
        return new AuthenticateResponse.AuthContext(id, listOrNull(roles), listOrNull(permissions), listOrNull(scopes),
                metadata.isEmpty() ? null : metadata);
    }

    private static List<String> listOrNull(Set<String> values) {
        return values.isEmpty() ? null : new ArrayList<>(values);
    }

    /** A principal with an id and roles only. */
    public static Principal of(String id, String... roles) {
        return new Principal(id, Set.of(roles), Set.of(), Set.of(), Map.of());
    }
}
