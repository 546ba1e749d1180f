package dev.aether.web;

import dev.aether.titan.Principal;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a page learns who visits it: the cookie {@code name} carries a token, {@code validate}
 * turns it into a principal. Set with {@link AetherWeb.Builder#principalFromCookie}.
 *
 * <pre>{@code
 * new PrincipalCookie("session", authenticator::validateToken).principal("token-from-the-cookie");
 * }</pre>
 */
public record PrincipalCookie(String name, Function<String, Optional<Principal>> validate) {
    public PrincipalCookie {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(validate, "validate");
    }

    /** The principal for the cookie's value; empty without one, or for a value {@code validate} refuses. */
    public Optional<Principal> principal(String cookieValue) {
        if (cookieValue == null || cookieValue.isEmpty()) {
            return Optional.empty();
        }
        Optional<Principal> p = validate.apply(cookieValue);
        return p == null ? Optional.empty() : p;
    }
}
