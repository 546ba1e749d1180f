package dev.aether.netron.client.breaker;

import dev.aether.netron.client.call.Call;
import dev.aether.netron.client.call.CallInterceptor;
import dev.aether.netron.client.call.RetryDecision;
import dev.aether.netron.protocol.error.NetronException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One circuit breaker per service (Resilience4j underneath): while a service keeps failing,
 * calls to it fail at once with 503, whose details say when the next attempt will be let
 * through ({@code nextAttemptAt}, an ISO instant). Only signs of an unwell server count as
 * failures: 5xx and 408; a 4xx means the server answered, and counts as a success.
 *
 * <pre>{@code
 * CircuitBreakerInterceptor breaker = new CircuitBreakerInterceptor(BreakerSettings.DEFAULTS);
 * breaker.addListener((service, from, to) -> log.warn("{}: {} -> {}", service, from, to));
 * NetronClient client = NetronClient.builder(transport)
 *         .interceptor(new RetryInterceptor())
 *         .interceptor(breaker)
 *         .build();
 * }</pre>
 */
public final class CircuitBreakerInterceptor implements CallInterceptor {
    private final BreakerSettings settings;
    private final Clock clock;
    private final CircuitBreakerRegistry registry;
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
    private final Map<String, Instant> reopensAt = new ConcurrentHashMap<>();
    private final List<BreakerListener> listeners = new CopyOnWriteArrayList<>();

    public CircuitBreakerInterceptor(BreakerSettings settings) {
        this(settings, Clock.systemUTC());
    }

    /** A breaker measuring its cooldown on {@code clock} (a test's, say). */
    public CircuitBreakerInterceptor(BreakerSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .clock(clock)
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.TIME_BASED)
                .slidingWindowSize((int) settings.window().toSeconds())
                .minimumNumberOfCalls(settings.minimumCalls())
                .failureRateThreshold(settings.failureRatePercent())
                .waitDurationInOpenState(settings.cooldown())
                .permittedNumberOfCallsInHalfOpenState(settings.halfOpenProbes())
                .recordException(CircuitBreakerInterceptor::isServerTrouble)
                .build());
    }

    @Override
    public CompletableFuture<Object> intercept(Chain chain) {
        Call call = chain.call();
        CircuitBreaker breaker = breakerOf(call.service());
        if (!breaker.tryAcquirePermission()) {
            return CompletableFuture.failedFuture(failFast(call.service()));
        }
        long start = breaker.getCurrentTimestamp();
        return chain.proceed(call).whenComplete((value, error) -> {
            long took = breaker.getCurrentTimestamp() - start;
            Throwable cause = unwrap(error);
            if (cause == null) {
                breaker.onSuccess(took, breaker.getTimestampUnit());
            } else if (cause instanceof CancellationException) {
                breaker.releasePermission(); // the caller gave up: says nothing about the service
            } else {
                breaker.onError(took, breaker.getTimestampUnit(), cause);
            }
        });
    }

    /** The state of {@code service}'s circuit (closed before its first call). */
    public CircuitState state(String service) {
        return stateOf(breakerOf(service).getState());
    }

    public void addListener(BreakerListener listener) {
        listeners.add(listener);
    }

    /** The settings every service's breaker uses. */
    public BreakerSettings settings() {
        return settings;
    }

    private CircuitBreaker breakerOf(String service) {
        return breakers.computeIfAbsent(service, name -> {
            CircuitBreaker created = registry.circuitBreaker(name);
            created.getEventPublisher().onStateTransition(event -> {
                CircuitState to = stateOf(event.getStateTransition().getToState());
                if (to == CircuitState.OPEN) {
                    reopensAt.put(service, clock.instant().plus(settings.cooldown()));
                }
                listeners.forEach(listener -> listener.onStateChange(service, stateOf(event.getStateTransition().getFromState()), to));
            });
            return created;
        });
    }

    private NetronException failFast(String service) {
        Instant next = reopensAt.getOrDefault(service, clock.instant().plus(settings.cooldown()));
        return new NetronException(503, "the circuit of " + service + " is open after repeated failures; next attempt at " + next,
                Map.of("service", service, RetryDecision.CIRCUIT_OPEN_DETAIL, next.toString()));
    }

    private static boolean isServerTrouble(Throwable error) {
        return unwrap(error) instanceof NetronException e && (e.code() >= 500 || e.code() == 408);
    }

    private static CircuitState stateOf(CircuitBreaker.State state) {
        return switch (state) {
            case CLOSED -> CircuitState.CLOSED;
            case OPEN -> CircuitState.OPEN;
            case HALF_OPEN -> CircuitState.HALF_OPEN;
            default -> CircuitState.OTHER;
        };
    }

    private static Throwable unwrap(Throwable error) {
        while (error instanceof CompletionException && error.getCause() != null) {
            error = error.getCause();
        }
        return error;
    }
}
