package dev.aether.netron.client.middleware;

import dev.aether.netron.client.auth.TokenStore;
import java.util.Objects;

/**
 * Sends the stored access token with each call (the reference's auth middleware): over HTTP as
 * {@code Authorization: Bearer}. A call made while nothing is stored goes with the transport's
 * own token, if any. For a token that expires, use {@code AuthRefreshInterceptor} instead,
 * which injects the token too.
 *
 * <pre>{@code
 * TokenStore tokens = new FileTokenStore(Path.of(System.getProperty("user.home"), ".myapp", "token.json"));
 * MiddlewareInterceptor.builder().use("auth", new BearerTokenMiddleware(tokens)).build();
 * }</pre>
 */
public final class BearerTokenMiddleware implements Middleware {
    private final TokenStore tokens;

    public BearerTokenMiddleware(TokenStore tokens) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    @Override
    public Before before(MiddlewareContext context) {
        return Before.proceed(tokens.load().map(stored -> context.call().withToken(stored.accessToken())).orElse(context.call()));
    }
}
