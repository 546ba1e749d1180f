package dev.aether.netron.client.middleware;

import dev.aether.netron.protocol.log.LogText;
import dev.aether.netron.protocol.error.NetronException;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each call through SLF4J: the call at DEBUG when it starts and when it answers (with its
 * time), a failure at WARN with its code and message. Everything that came from a peer (the
 * error message, and the names, which a caller may build from input) is escaped, so it cannot
 * forge a log line.
 *
 * <pre>{@code
 * MiddlewareInterceptor.builder().use("log", new LoggingMiddleware()).build();
 * }</pre>
 */
public final class LoggingMiddleware implements Middleware {
    private final Logger log;

    /** Logs to {@code dev.aether.netron.client.middleware.LoggingMiddleware}. */
    public LoggingMiddleware() {
        this(LoggerFactory.getLogger(LoggingMiddleware.class));
    }

    public LoggingMiddleware(Logger log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public Before before(MiddlewareContext context) {
        log.debug("call {}", LogText.of(context.call().describe()));
        return Before.proceed(context.call());
    }

    @Override
    public Object after(MiddlewareContext context, Object result) {
        log.debug("call {} answered in {} ms", LogText.of(context.call().describe()), context.elapsed().toMillis());
        return result;
    }

    @Override
    public Throwable error(MiddlewareContext context, Throwable error) {
        String code = error instanceof NetronException e ? String.valueOf(e.code()) : error.getClass().getSimpleName();
        log.warn("call {} failed in {} ms: {} {}", LogText.of(context.call().describe()), context.elapsed().toMillis(), code,
                LogText.of(error.getMessage()));
        return error;
    }
}
