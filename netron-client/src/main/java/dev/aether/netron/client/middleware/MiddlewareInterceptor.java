package dev.aether.netron.client.middleware;

import dev.aether.netron.client.call.Call;
import dev.aether.netron.client.call.CallInterceptor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.LongAdder;

/**
 * The adapter that runs {@link Middleware} as one link of the client's interceptor chain. Each
 * call sees the middleware whose scope includes it, in ascending priority (default
 * {@value #DEFAULT_PRIORITY}, as the reference; ties in the order registered): pre-request
 * stages first to last until one answers (short-circuit), then the rest of the chain, then the
 * post-response or error stages of those that ran, last to first. The time each middleware
 * spends in its stages is kept by name.
 *
 * <pre>{@code
 * MiddlewareInterceptor middleware = MiddlewareInterceptor.builder()
 *         .use("auth", new BearerTokenMiddleware(tokens), MiddlewareScope.everyCall(), 10)
 *         .use("log", new LoggingMiddleware())
 *         .use("users-only", audit, MiddlewareScope.services("users"), 200)
 *         .build();
 * NetronClient client = NetronClient.builder(transport).interceptor(middleware).build();
 * }</pre>
 *
 * <p>A stage that throws fails the call with what it threw (the error stages of the middleware
 * before it still see it).
 */
public final class MiddlewareInterceptor implements CallInterceptor {
    /** The priority of middleware registered without one (the reference's). */
    public static final int DEFAULT_PRIORITY = 100;

    private final List<Registration> registrations;
    private final Map<String, List<Registration>> byMethod = new ConcurrentHashMap<>();

    /** One registered middleware and the time it has spent. */
    private record Registration(String name, Middleware middleware, MiddlewareScope scope, int priority, LongAdder calls, LongAdder nanos) {
        void spent(long since) {
            nanos.add(System.nanoTime() - since);
        }
    }

    private MiddlewareInterceptor(List<Registration> registrations) {
        List<Registration> sorted = new ArrayList<>(registrations);
        sorted.sort(Comparator.comparingInt(Registration::priority)); // stable: ties keep their order
        this.registrations = List.copyOf(sorted);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public CompletableFuture<Object> intercept(Chain chain) {
        Call call = chain.call();
        List<Registration> applicable = byMethod.computeIfAbsent(call.service() + "#" + call.method(),
                key -> registrations.stream().filter(registration -> registration.scope().includes(call)).toList());
        if (applicable.isEmpty()) {
            return chain.proceed(call);
        }
        MiddlewareContext context = new MiddlewareContext(call);
        int ran = 0;
        Middleware.Before.Answer answer = null;
        Throwable failed = null;
        for (Registration registration : applicable) {
            registration.calls().increment();
            long start = System.nanoTime();
            ran++;
            try {
                Middleware.Before before = registration.middleware().before(context);
                if (before instanceof Middleware.Before.Answer given) {
                    answer = given;
                    ran--; // the one that answered has no later stage: it gave the answer
                    break;
                }
                context.call(((Middleware.Before.Proceed) Objects.requireNonNull(before,
                        registration.name() + " answered null from its pre-request stage")).call());
            } catch (RuntimeException e) {
                failed = e;
                ran--;
                break;
            } finally {
                registration.spent(start);
            }
        }
        CompletableFuture<Object> result = failed != null ? CompletableFuture.failedFuture(failed)
                : answer != null ? CompletableFuture.completedFuture(answer.value())
                : chain.proceed(context.call());
        int outermost = ran;
        return result.handle((value, error) -> unwind(applicable, outermost, context, value, error));
    }

    /** The post-response or error stages of the first {@code ran} middleware, last to first. */
    private static Object unwind(List<Registration> applicable, int ran, MiddlewareContext context, Object value, Throwable error) {
        Throwable failure = error == null ? null : unwrap(error);
        for (int i = ran - 1; i >= 0; i--) {
            Registration registration = applicable.get(i);
            long start = System.nanoTime();
            try {
                if (failure == null) {
                    value = registration.middleware().after(context, value);
                } else {
                    failure = Objects.requireNonNull(registration.middleware().error(context, failure),
                            registration.name() + " answered a null error");
                }
            } catch (RuntimeException e) {
                failure = e;
            } finally {
                registration.spent(start);
            }
        }
        if (failure != null) {
            throw failure instanceof CompletionException ce ? ce : new CompletionException(failure);
        }
        return value;
    }

    /** Time spent by each middleware, by name, in priority order. */
    public Map<String, MiddlewareTiming> timings() {
        Map<String, MiddlewareTiming> timings = new LinkedHashMap<>();
        for (Registration registration : registrations) {
            timings.put(registration.name(), new MiddlewareTiming(registration.calls().sum(),
                    java.time.Duration.ofNanos(registration.nanos().sum())));
        }
        return timings;
    }

    private static Throwable unwrap(Throwable error) {
        while ((error instanceof CompletionException || error instanceof ExecutionException) && error.getCause() != null) {
            error = error.getCause();
        }
        return error;
    }

    /**
     * Registers middleware; names must be unique (timings are kept by name).
     *
     * <pre>{@code
     * MiddlewareInterceptor.builder().use("log", new LoggingMiddleware()).build();
     * }</pre>
     */
    public static final class Builder {
        private final List<Registration> registrations = new ArrayList<>();

        private Builder() {
        }

        /** {@code middleware} for every call, at the default priority. */
        public Builder use(String name, Middleware middleware) {
            return use(name, middleware, MiddlewareScope.everyCall(), DEFAULT_PRIORITY);
        }

        /** {@code middleware} for the calls in {@code scope}, at the default priority. */
        public Builder use(String name, Middleware middleware, MiddlewareScope scope) {
            return use(name, middleware, scope, DEFAULT_PRIORITY);
        }

        /** {@code middleware} for the calls in {@code scope}; lower priorities run their pre-request stage first. */
        public Builder use(String name, Middleware middleware, MiddlewareScope scope, int priority) {
            Objects.requireNonNull(name, "name");
            if (registrations.stream().anyMatch(registration -> registration.name().equals(name))) {
                throw new IllegalArgumentException("a middleware named " + name + " is already registered");
            }
            registrations.add(new Registration(name, Objects.requireNonNull(middleware, "middleware"),
                    Objects.requireNonNull(scope, "scope"), priority, new LongAdder(), new LongAdder()));
            return this;
        }

        public MiddlewareInterceptor build() {
            return new MiddlewareInterceptor(registrations);
        }
    }
}
