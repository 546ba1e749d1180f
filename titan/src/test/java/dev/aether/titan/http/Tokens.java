package dev.aether.titan.http;

import dev.aether.titan.Authenticator;
import dev.aether.titan.Principal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A test authenticator: two fixed tokens, and alice/secret who is issued the admin token. */
final class Tokens implements Authenticator {
    static final String ADMIN = "admin-token";
    static final String USER = "user-token";

    @Override
    public Optional<Principal> authenticate(Map<String, Object> credentials) {
        if ("alice".equals(credentials.get("username")) && "secret".equals(credentials.get("password"))) {
            return Optional.of(new Principal("alice", Set.of("admin"), Set.of(), Set.of(), Map.of("token", ADMIN)));
        }
        return Optional.empty();
    }

    @Override
    public Optional<Principal> validateToken(String token) {
        return switch (token) {
            case ADMIN -> Optional.of(Principal.of("admin-1", "admin"));
            case USER -> Optional.of(Principal.of("user-1", "user"));
            default -> Optional.empty();
        };
    }
}
