package dev.aether.titan;

import java.util.Map;
import java.util.Optional;

/**
 * Turns credentials or a token into a {@link Principal}. Titan uses it for the Bearer header on
 * HTTP, for the header, {@code ?token=} or the {@code authenticate} task on WebSocket, and for
 * {@code POST /netron/authenticate}.
 *
 * <pre>{@code
 * Authenticator auth = new Authenticator() {
 *     public Optional<Principal> authenticate(Map<String, Object> credentials) {
 *         return users.check((String) credentials.get("username"), (String) credentials.get("password"))
 *                 .map(u -> new Principal(u.id(), u.roles(), Set.of(), Set.of(), Map.of("token", tokens.issue(u))));
 *     }
 *     public Optional<Principal> validateToken(String token) {
 *         return tokens.verify(token);
 *     }
 * };
 * }</pre>
 */
public interface Authenticator {
    /** The principal for these credentials (e.g. username and password), or empty if they are wrong. */
    Optional<Principal> authenticate(Map<String, Object> credentials);

    /** The principal a token stands for, or empty if it is invalid or expired. */
    Optional<Principal> validateToken(String token);
}
