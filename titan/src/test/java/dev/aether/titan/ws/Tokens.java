package dev.aether.titan.ws;

import dev.aether.titan.Authenticator;
import dev.aether.titan.Principal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Test authenticator: tokens "admin-token" and "user-token"; credentials alice/secret (admin). */
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
            case ADMIN -> Optional.of(Principal.of("alice", "admin"));
            case USER -> Optional.of(Principal.of("bob", "user"));
            default -> Optional.empty();
        };
    }
}
