package dev.aether.netron.client.auth;

import dev.aether.netron.client.call.Call;
import dev.aether.netron.client.call.CallInterceptor;
import dev.aether.netron.protocol.error.AuthException;
import dev.aether.netron.protocol.error.NetronException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Sends the stored access token with each call and, when the server answers 401, refreshes it
 * once and makes the call again (the reference's auth-error middleware). Refreshes are
 * coalesced: however many calls fail with the same expired token at once, one refresh runs and
 * they all wait for it; a call that failed with a token already replaced simply goes again with
 * the new one. If the refresh fails, the store is cleared, the {@link SessionListener} is told
 * once, and the waiting calls fail with 401.
 *
 * <pre>{@code
 * TokenStore tokens = new FileTokenStore(home.resolve("tokens.json"));
 * NetronClient client = NetronClient.builder(transport)
 *         .interceptor(new AuthRefreshInterceptor(tokens, refresher, cause -> ui.showSignIn()))
 *         .build();
 * }</pre>
 *
 * <p>Put it after the cache and deduplication (they key by principal, not token) and before
 * retry, so a retried attempt carries the fresh token. Over a WebSocket, which is authenticated
 * per connection, the token of a call is not sent; use HTTP for per-call tokens.
 */
public final class AuthRefreshInterceptor implements CallInterceptor {
    private final TokenStore tokens;
    private final TokenRefresher refresher;
    private final SessionListener listener;
    private final Object lock = new Object();
    private Refresh refreshing; // guarded by lock

    /** One refresh of one expired access token, shared by the calls that failed with it. */
    private record Refresh(String expired, CompletableFuture<AuthTokens> fresh) {
    }

    public AuthRefreshInterceptor(TokenStore tokens, TokenRefresher refresher, SessionListener listener) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.refresher = Objects.requireNonNull(refresher, "refresher");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public CompletableFuture<Object> intercept(Chain chain) {
        Optional<AuthTokens> sent = tokens.load();
        Call call = sent.map(stored -> chain.call().withToken(stored.accessToken())).orElse(chain.call());
        return chain.proceed(call).exceptionallyCompose(error -> {
            if (sent.isEmpty() || !isUnauthorized(error)) {
                return CompletableFuture.failedFuture(error);
            }
            return freshTokens(sent.get(), unwrap(error))
                    .thenCompose(fresh -> chain.proceed(chain.call().withToken(fresh.accessToken())));
        });
    }

    /** Tokens newer than {@code expired}: the stored ones if already refreshed, else those of the one refresh for it. */
    private CompletableFuture<AuthTokens> freshTokens(AuthTokens expired, Throwable unauthorized) {
        Refresh refresh;
        synchronized (lock) {
            Optional<AuthTokens> stored = tokens.load();
            if (stored.isEmpty()) {
                return CompletableFuture.failedFuture(unauthorized); // the session already ended
            }
            if (!stored.get().accessToken().equals(expired.accessToken())) {
                return CompletableFuture.completedFuture(stored.get());
            }
            if (refreshing != null && refreshing.expired().equals(expired.accessToken())) {
                return refreshing.fresh();
            }
            refresh = new Refresh(expired.accessToken(), new CompletableFuture<>());
            refreshing = refresh;
        }
        CompletableFuture<AuthTokens> started;
        try {
            started = Objects.requireNonNull(refresher.refresh(expired), "the refresher answered null");
        } catch (RuntimeException e) {
            started = CompletableFuture.failedFuture(e);
        }
        started.whenComplete((fresh, error) -> settle(refresh, fresh, error));
        return refresh.fresh();
    }

    private void settle(Refresh refresh, AuthTokens fresh, Throwable error) {
        synchronized (lock) {
            if (error == null && fresh != null) {
                tokens.save(fresh);
            } else {
                tokens.clear();
            }
            refreshing = null;
        }
        if (error == null && fresh != null) {
            refresh.fresh().complete(fresh);
            return;
        }
        Throwable cause = error == null ? new IllegalStateException("the refresher answered no tokens") : unwrap(error);
        listener.sessionExpired(cause);
        AuthException expired = new AuthException("Session expired: the token could not be refreshed");
        expired.addSuppressed(cause); // NetronException fixes its cause at construction
        refresh.fresh().completeExceptionally(expired);
    }

    private static boolean isUnauthorized(Throwable error) {
        return unwrap(error) instanceof NetronException e && e.code() == 401;
    }

    private static Throwable unwrap(Throwable error) {
        while ((error instanceof CompletionException || error instanceof ExecutionException) && error.getCause() != null) {
            error = error.getCause();
        }
        return error;
    }
}
