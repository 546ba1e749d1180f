package dev.aether.titan.call;

import dev.aether.netron.protocol.definition.Definition;
import dev.aether.netron.protocol.error.AuthException;
import dev.aether.netron.protocol.error.MethodNotFoundException;
import dev.aether.netron.protocol.error.NetronException;
import dev.aether.netron.protocol.error.PermissionException;
import dev.aether.netron.protocol.error.RpcException;
import dev.aether.netron.protocol.error.ServiceNotFoundException;
import dev.aether.netron.protocol.error.TransportException;
import dev.aether.netron.protocol.error.ValidationException;
import dev.aether.netron.protocol.msgpack.NetronMsgpack;
import dev.aether.titan.Authenticator;
import dev.aether.titan.CacheInvalidation;
import dev.aether.titan.CacheInvalidations;
import dev.aether.titan.Limits;
import dev.aether.titan.Principal;
import dev.aether.netron.protocol.log.LogText;
import dev.aether.titan.service.MethodModel;
import dev.aether.titan.service.PropertyModel;
import dev.aether.titan.service.ServiceModel;
import dev.aether.titan.service.ServiceRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one path every call takes, whatever transport it came by and whether or not it is part of
 * a batch: draining check, rate limit, service and member lookup, access rules, argument
 * conversion ({@link ArgumentConversion}), Bean Validation of the arguments
 * ({@link ArgumentValidation}, 422), execution on a virtual thread with a timeout, and error mapping.
 *
 * <p>Errors are always {@link NetronException}s with the documented codes: 400 for malformed
 * targets and wrong arguments, 401/403 from access rules, 404 for unknown services and members
 * (non-{@code @Public} members included), 408 on timeout, 429 from rate limits, 503 while
 * draining. Exceptions a service throws pass through when they are {@code NetronException}s; an
 * {@link IllegalArgumentException} becomes 400 with its message; anything else becomes a 500
 * whose message reveals nothing, logged with the {@code errorId} sent in its details.
 */
public final class Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final ServiceRegistry registry;
    private final NetronMsgpack codec;
    private final Authenticator authenticator;
    private final boolean defaultDeny;
    private final RateLimiting rateLimiting;
    private final MeterRegistry meters;
    private final String peerId;
    private final ArgumentConversion conversion;
    private final AuthThrottle authThrottle;
    private final ArgumentValidation validation = new ArgumentValidation();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ConcurrentHashMap<TimerKey, Timer> timers = new ConcurrentHashMap<>();
    private final CacheInvalidations cacheInvalidations = new CacheInvalidations();
    private volatile boolean draining;

    /**
     * @param authenticator may be null: authentication requests then answer 503
     * @param rateLimiting  may be null: no inbound rate limit
     * @param peerId        this server's Netron id, sent in definitions
     */
    public Dispatcher(ServiceRegistry registry, NetronMsgpack codec, Authenticator authenticator, boolean defaultDeny,
                      RateLimiting rateLimiting, MeterRegistry meters, String peerId) {
        this(registry, codec, authenticator, defaultDeny, rateLimiting, meters, peerId, Limits.AuthAttempts.defaults());
    }

    /** The same, with explicit limits on authentication attempts. */
    public Dispatcher(ServiceRegistry registry, NetronMsgpack codec, Authenticator authenticator, boolean defaultDeny,
                      RateLimiting rateLimiting, MeterRegistry meters, String peerId, Limits.AuthAttempts authAttempts) {
        this.authThrottle = new AuthThrottle(authAttempts);
        this.registry = registry;
        this.codec = codec;
        this.authenticator = authenticator;
        this.defaultDeny = defaultDeny;
        this.rateLimiting = rateLimiting;
        this.meters = meters;
        this.peerId = peerId;
        this.conversion = new ArgumentConversion();
    }

    /** Calls {@code method} of the service {@code target} names; completes with the result or a NetronException. */
    public CompletableFuture<Object> call(Caller caller, String target, String method, Arguments args, Duration timeout) {
        MethodModel m;
        Object[] converted;
        String service = "unknown";
        try {
            admit(caller);
            ServiceModel model = registry.resolve(target);
            service = model.id().toString();
            m = model.method(method);
            if (m == null) {
                throw new MethodNotFoundException(service, String.valueOf(method));
            }
            m.rule().check(caller.principal(), defaultDeny, service, m.name());
            converted = conversion.convert(model, m, args);
            validation.check(model, m, converted);
        } catch (RuntimeException e) {
            record(service, "unknown", System.nanoTime(), e);
            return CompletableFuture.failedFuture(e);
        }
        return execute(service, m, converted, timeout);
    }

    /**
     * The {@code @Cacheable} settings of the method a call names, or null when it has none or
     * does not resolve. No access check: meant for a transport to decorate the answer of a call
     * that has already succeeded through {@link #call}.
     */
    public MethodModel.Cache cacheOf(String target, String method) {
        try {
            MethodModel m = registry.resolve(target).method(method);
            return m == null ? null : m.cache();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Reads the {@code @Public} property {@code property} of the service {@code target} names. */
    public Object get(Caller caller, String target, String property) {
        admit(caller);
        ServiceModel model = registry.resolve(target);
        PropertyModel p = propertyOf(model, property);
        p.rule().check(caller.principal(), defaultDeny, model.id().toString(), property);
        return p.read();
    }

    /** Writes the {@code @Public} property {@code property}; read-only properties answer 403. */
    public void set(Caller caller, String target, String property, Object value, boolean javaObject) {
        admit(caller);
        ServiceModel model = registry.resolve(target);
        PropertyModel p = propertyOf(model, property);
        p.rule().check(caller.principal(), defaultDeny, model.id().toString(), property);
        if (p.readonly()) {
            throw new PermissionException("Property '" + property + "' of " + model.id() + " is read-only", Map.of());
        }
        Class<?> raw = p.field().getType();
        boolean isNull = ArgumentConversion.isNull(value);
        if (isNull && raw.isPrimitive()) {
            throw new ValidationException(400, "Property '" + property + "' cannot be null", Map.of("property", property));
        }
        Object converted = isNull ? null : javaObject && ArgumentConversion.box(raw).isInstance(value) ? value
                : conversion.convertProperty(value, p.type(), property);
        validation.checkProperty(model, p, converted);
        p.write(converted);
    }

    /**
     * The definition of {@code service} as {@code caller} may see it. A service the caller may
     * use nothing of answers 404, exactly like one that does not exist.
     */
    public Definition queryInterface(Caller caller, String service) {
        ServiceModel model = registry.resolve(service);
        Definition definition = model.definitionFor(caller.principal(), defaultDeny, peerId);
        if (definition == null) {
            throw new ServiceNotFoundException(service);
        }
        return definition;
    }

    /**
     * Authenticates credentials on behalf of {@code caller}: {@code {"token": ...}} is validated
     * as a token, anything else goes to the authenticator. Attempts pass the same admission as
     * calls (draining, rate limits), on every transport, and are throttled per IP address and per
     * identity ({@link Limits.AuthAttempts}; 429). 401 when rejected, 503 when no authenticator is configured.
     */
    public Principal authenticate(Caller caller, Map<String, ?> credentials) {
        admit(caller);
        if (authenticator == null) {
            throw TransportException.unavailable("Authentication is not configured on this server");
        }
        if (credentials == null) {
            throw new AuthException("Missing credentials", Map.of());
        }
        authThrottle.acquire(caller, credentials);
        Optional<Principal> principal = credentials.get("token") instanceof String token
                ? authenticator.validateToken(token)
                : authenticator.authenticate(Map.copyOf(withoutNulls(credentials)));
        return principal.orElseThrow(() -> new AuthException("Invalid credentials", Map.of()));
    }

    /**
     * Asks the registered caches to drop what {@code request} names (the {@code invalidate_cache}
     * task) and answers how many entries they removed. It passes the same admission as calls;
     * with default-deny on, an anonymous caller gets 401, as for any method without
     * {@code @Auth(allowAnonymous = true)}.
     */
    public int invalidateCache(Caller caller, CacheInvalidation.Request request) {
        admit(caller);
        if (defaultDeny && caller.principal() == null) {
            throw new AuthException("Authentication required to invalidate caches", Map.of());
        }
        return cacheInvalidations.invalidate(request);
    }

    /** The caches the {@code invalidate_cache} task acts on. */
    public CacheInvalidations cacheInvalidations() {
        return cacheInvalidations;
    }

    /** Validates a bearer token; empty when there is no authenticator or the token is invalid. */
    public Optional<Principal> validateToken(String token) {
        return authenticator == null || token == null || token.isEmpty() ? Optional.empty() : authenticator.validateToken(token);
    }

    /** Whether an authenticator is configured. */
    public boolean authenticationConfigured() {
        return authenticator != null;
    }

    /** This server's Netron peer id. */
    public String peerId() {
        return peerId;
    }

    /** The codec used to convert arguments and results. */
    public NetronMsgpack codec() {
        return codec;
    }

    /** From now on new calls fail with 503; calls in flight finish. */
    public void startDraining() {
        draining = true;
    }

    public boolean draining() {
        return draining;
    }

    /** Calls currently executing. */
    public int inFlight() {
        return inFlight.get();
    }

    /** Waits until no call is executing, at most {@code timeout}; true if idle. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inFlight.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    /** Stops the executor; calls still running are interrupted. */
    public void shutdown() {
        executor.shutdownNow();
    }

    private void admit(Caller caller) {
        if (draining) {
            throw TransportException.unavailable("Server is shutting down");
        }
        if (rateLimiting != null) {
            rateLimiting.acquire(caller);
        }
    }

    private static PropertyModel propertyOf(ServiceModel model, String property) {
        PropertyModel p = model.property(property);
        if (p == null) {
            throw new MethodNotFoundException(model.id().toString(), String.valueOf(property));
        }
        return p;
    }

    private CompletableFuture<Object> execute(String service, MethodModel m, Object[] args, Duration timeout) {
        long start = System.nanoTime();
        inFlight.incrementAndGet();
        CompletableFuture<Object> outcome = new CompletableFuture<>(); // completed by the task, a timeout or a cancel
        Future<?> task;
        try {
            task = executor.submit(() -> run(m, args, outcome));
        } catch (RuntimeException rejected) {
            inFlight.decrementAndGet();
            return CompletableFuture.failedFuture(TransportException.unavailable("Server is shutting down"));
        }
        CompletableFuture<Object> reply = new CompletableFuture<>();
        // Bookkeeping hangs on `outcome`, which always completes, never on `reply`, which a caller may cancel.
        outcome.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((value, error) -> {
            // Counted down only once the reply is complete, so awaitIdle() never reports idle before the caller has its answer.
            try {
                if (error == null) {
                    record(service, m.name(), start, null);
                    reply.complete(value);
                    return;
                }
                Throwable cause = unwrap(error);
                if (cause instanceof TimeoutException) {
                    task.cancel(true);
                    cause = RpcException.timeout("Call to " + service + "." + m.name() + " timed out after " + timeout.toMillis() + " ms");
                }
                NetronException mapped = toNetron(cause, service, m.name());
                record(service, m.name(), start, mapped);
                reply.completeExceptionally(mapped);
            } finally {
                inFlight.decrementAndGet();
            }
        });
        reply.whenComplete((value, error) -> {
            if (reply.isCancelled()) {
                // 499 "client closed request" (the nginx convention), seen only in metrics: the caller is gone.
                // Settled before the interrupt: otherwise the interrupted method's InterruptedException
                // could complete `outcome` first and be counted (and logged at ERROR) as a 500.
                outcome.completeExceptionally(new RpcException(499, "Call cancelled by the caller"));
                task.cancel(true); // the caller went away (a dropped connection): stop the work
            }
        });
        return reply;
    }

    private static void run(MethodModel m, Object[] args, CompletableFuture<Object> result) {
        try {
            Object value = m.invoker().invoke(args);
            if (m.async()) {
                if (value == null) {
                    result.complete(null);
                } else {
                    ((CompletionStage<?>) value).whenComplete((v, e) -> {
                        if (e != null) {
                            result.completeExceptionally(e);
                        } else {
                            result.complete(v);
                        }
                    });
                }
            } else {
                result.complete(value);
            }
        } catch (Throwable t) {
            result.completeExceptionally(t);
        }
    }

    /** The NetronException a failure is reported as. */
    public static NetronException toNetron(Throwable error, String service, String method) {
        Throwable cause = unwrap(error);
        if (cause instanceof NetronException netron) {
            return netron;
        }
        if (cause instanceof IllegalArgumentException) {
            return new ValidationException(400, cause.getMessage() == null ? "Invalid argument" : cause.getMessage(), Map.of());
        }
        String errorId = UUID.randomUUID().toString();
        LOG.error("call {}.{} failed (errorId {})", LogText.of(service), LogText.of(method), errorId, cause);
        return new NetronException(500, "Internal server error", Map.of("errorId", errorId));
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private void record(String service, String method, long start, Throwable error) {
        String outcome = error == null ? "success" : error instanceof NetronException n ? String.valueOf(n.code()) : "500";
        String tagged = error instanceof ServiceNotFoundException || error instanceof MethodNotFoundException ? "unknown" : method;
        timers.computeIfAbsent(new TimerKey(service, tagged, outcome), key -> Timer.builder("netron.calls")
                        .description("Netron calls handled, by service, method and outcome")
                        .tag("service", key.service())
                        .tag("method", key.method())
                        .tag("outcome", key.outcome())
                        .register(meters))
                .record(Duration.ofNanos(System.nanoTime() - start));
    }

    /** One timer per service, method and outcome; unknown names share "unknown", so the set stays bounded. */
    private record TimerKey(String service, String method, String outcome) {
    }


    private static Map<String, Object> withoutNulls(Map<String, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (k != null && v != null) {
                copy.put(k, v);
            }
        });
        return copy;
    }
}
