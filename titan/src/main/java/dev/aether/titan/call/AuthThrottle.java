package dev.aether.titan.call;

import dev.aether.titan.Limits;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Slows down credential guessing: at most {@link Limits.AuthAttempts#perIp()} authentication
 * attempts per window from one IP address and {@link Limits.AuthAttempts#perIdentity()} for one
 * identity (the {@code username}, {@code email} or {@code login} the credentials name), on every
 * transport, whatever the outcome. One more is a 429 with its retry time. On by default, on top of
 * the general rate limit.
 *
 * <pre>{@code
 * AuthThrottle throttle = new AuthThrottle(Limits.AuthAttempts.defaults());
 * throttle.acquire(caller, Map.of("username", "ada", "password", "..."));   // 429 on the 11th in a minute
 * }</pre>
 */
final class AuthThrottle {
    /** Credential keys that name who is logging in, in the order they are looked for. */
    static final List<String> IDENTITY_KEYS = List.of("username", "email", "login");
    /** Longer identities are cut: the key only has to tell identities apart, and the table stays small. */
    private static final int MAX_IDENTITY_LENGTH = 256;

    private final RateLimiting perIp;
    private final RateLimiting perIdentity;

    AuthThrottle(Limits.AuthAttempts attempts) {
        this.perIp = attempts.perIp() == 0 ? null : new RateLimiting("authentication attempts", attempts.perIp(), attempts.window());
        this.perIdentity = attempts.perIdentity() == 0 ? null
                : new RateLimiting("authentication attempts for this identity", attempts.perIdentity(), attempts.window());
    }

    /** Counts one attempt by {@code caller} with {@code credentials}; 429 when a limit is reached. */
    void acquire(Caller caller, Map<String, ?> credentials) {
        if (perIp != null && caller.remoteAddress() != null) {
            perIp.acquire("ip:" + caller.remoteAddress());
        }
        String identity = identity(credentials);
        if (perIdentity != null && identity != null) {
            perIdentity.acquire("identity:" + identity);
        }
    }

    private static String identity(Map<String, ?> credentials) {
        if (credentials == null) {
            return null;
        }
        for (String key : IDENTITY_KEYS) {
            if (credentials.get(key) instanceof String name && !name.isBlank()) {
                String normalized = name.strip().toLowerCase(Locale.ROOT);
                return normalized.length() > MAX_IDENTITY_LENGTH ? normalized.substring(0, MAX_IDENTITY_LENGTH) : normalized;
            }
        }
        return null;
    }
}
