package dev.aether.titan.http;

import dev.aether.netron.protocol.error.AuthException;
import dev.aether.titan.Principal;
import dev.aether.titan.call.Caller;
import dev.aether.titan.call.Dispatcher;
import java.util.Locale;
import java.util.Map;

/**
 * Who an HTTP request comes from: anonymous without {@code Authorization: Bearer <token>},
 * the token's principal with one, 401 for a token the authenticator rejects. HTTP is
 * stateless, so this runs on every request.
 *
 * <pre>{@code
 * Caller caller = new BearerAuth(dispatcher).caller(exchange);
 * }</pre>
 */
final class BearerAuth {
    private final Dispatcher dispatcher;

    BearerAuth(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    Caller caller(Exchange exchange) {
        Principal principal = null;
        String token = bearerToken(exchange.header("Authorization"));
        if (token != null) {
            // A token that cannot be validated fails closed, even with no authenticator configured:
            // treating it as anonymous would hide a client's misconfiguration until a 401 elsewhere.
            principal = dispatcher.validateToken(token)
                    .orElseThrow(() -> new AuthException("Invalid or expired token", Map.of()));
        }
        return new Caller(principal, null, exchange.remoteAddress(), "http");
    }

    /** The token of a {@code Bearer} credential, else null (other schemes are not ours to judge). */
    static String bearerToken(String authorization) {
        if (authorization == null || authorization.length() < 7
                || !authorization.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            return null;
        }
        String token = authorization.substring(7).trim();
        return token.isEmpty() ? null : token;
    }
}
