package dev.aether.examples.showcase;

import dev.aether.titan.Authenticator;
import dev.aether.titan.Principal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * DEMO ONLY: two fixed users with fixed passwords and fixed, never-expiring tokens, so the auth
 * flow can be tried with curl. Never use anything like it in a real application: store password
 * hashes, issue signed, expiring tokens.
 *
 * <table>
 *   <caption>Demo accounts</caption>
 *   <tr><th>username</th><th>password</th><th>roles</th><th>token</th></tr>
 *   <tr><td>admin</td><td>admin-password</td><td>admin</td><td>demo-admin-token</td></tr>
 *   <tr><td>guest</td><td>guest-password</td><td>user</td><td>demo-guest-token</td></tr>
 * </table>
 *
 * <pre>{@code
 * Titan.builder().authenticator(new DemoAuthenticator());
 * }</pre>
 */
public final class DemoAuthenticator implements Authenticator {
    /** The admin's token, as {@code POST /netron/authenticate} returns it in {@code result.context.metadata.token}. */
    public static final String ADMIN_TOKEN = "demo-admin-token";
    /** The guest's token. */
    public static final String GUEST_TOKEN = "demo-guest-token";

    private record Account(String username, String password, String token, String role) {
        Principal principal() {
            return new Principal(username, Set.of(role), Set.of(), Set.of(), Map.of("token", token));
        }
    }

    private static final Map<String, Account> BY_USERNAME = Map.of(
            "admin", new Account("admin", "admin-password", ADMIN_TOKEN, "admin"),
            "guest", new Account("guest", "guest-password", GUEST_TOKEN, "user"));

    @Override
    public Optional<Principal> authenticate(Map<String, Object> credentials) {
        Account account = BY_USERNAME.get(String.valueOf(credentials.get("username")));
        if (account == null || !account.password().equals(credentials.get("password"))) {
            return Optional.empty();
        }
        return Optional.of(account.principal());
    }

    @Override
    public Optional<Principal> validateToken(String token) {
        return BY_USERNAME.values().stream().filter(a -> a.token().equals(token)).findFirst().map(Account::principal);
    }
}
