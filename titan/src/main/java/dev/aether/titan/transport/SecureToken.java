package dev.aether.titan.transport;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Unguessable tokens (session tokens, cookies, CSRF tokens, CSP nonces): random bytes from one
 * shared {@link SecureRandom}, as URL-safe Base64 without padding, so they fit in a URL, a
 * cookie and an HTML attribute as they are.
 *
 * <pre>{@code
 * String token = SecureToken.random(24);   // 32 characters, 192 bits
 * }</pre>
 */
public final class SecureToken {
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecureToken() {
    }

    /** {@code bytes} random bytes as URL-safe Base64 without padding. */
    public static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
