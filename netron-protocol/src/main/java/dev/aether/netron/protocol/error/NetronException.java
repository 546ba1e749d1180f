package dev.aether.netron.protocol.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The root of every Netron error (the reference's {@code TitanError}): a numeric, HTTP-like
 * {@link #code() code}, a {@link #category() category}, a {@link #retryable() retryable} flag,
 * {@link #details() details}, an optional request {@link #context() context}, tracing ids and a
 * cause chain. It is what a service throws to send a specific failure to the caller, and what a
 * caller catches.
 *
 * <pre>{@code
 * throw new NetronException(409, "Email already registered", Map.of("errorCode", "EMAIL_TAKEN"));
 *
 * try { users.get(42); }
 * catch (NetronException e) { if (e.retryable()) retryLater(); }
 * }</pre>
 *
 * <p>On the binary path it is MessagePack extension 110; over HTTP it is the JSON error shape
 * ({@code HttpError.from(e)}). A received error becomes the subclass named by its wire name
 * (ServiceNotFoundError → {@link ServiceNotFoundException}, ...); an unknown name stays a
 * {@code NetronException} that keeps the name, so relaying it loses nothing.
 */
public class NetronException extends RuntimeException {

    /** Multiple errors (the reference's MULTIPLE_ERRORS). */
    public static final int MULTIPLE_ERRORS = 600;
    /** Unknown error (the reference's UNKNOWN_ERROR). */
    public static final int UNKNOWN_ERROR = 601;

    private static final long serialVersionUID = 1L;

    private final String wireName;
    private final int code;
    private final Map<String, Object> details;
    private Map<String, Object> context;
    private final long timestamp;
    private String requestId;
    private String correlationId;
    private String spanId;
    private String traceId;
    private final String remoteStack;
    private final Map<String, Object> extras;

    /** An error with a code and a message and no details. */
    public NetronException(int code, String message) {
        this(code, message, Map.of(), null);
    }

    /** An error with details (for example {@code errorCode}, {@code retryAfter}). */
    public NetronException(int code, String message, Map<String, ?> details) {
        this(code, message, details, null);
    }

    /** An error with details and a cause; the cause travels along (ext 110 nests it). */
    public NetronException(int code, String message, Map<String, ?> details, Throwable cause) {
        this(new ErrorData("TitanError", code, message, copy(details), Map.of(),
                System.currentTimeMillis(), null, null, null, null, null, cause, null));
    }

    /** For subclasses: the wire name and subclass fields ({@code extras}) are set explicitly. */
    protected NetronException(String wireName, int code, String message, Map<String, ?> details,
                              Throwable cause, Map<String, ?> extras) {
        this(new ErrorData(wireName, code, message, copy(details), Map.of(),
                System.currentTimeMillis(), null, null, null, null, null, cause,
                extras == null ? null : copy(extras)));
    }

    /** Rebuilds an error from its wire fields; used by {@link #fromData(ErrorData)}. */
    protected NetronException(ErrorData data) {
        super(data.message(), data.cause());
        this.wireName = Objects.requireNonNullElse(data.name(), "TitanError");
        this.code = data.code();
        this.details = Collections.unmodifiableMap(copy(data.details()));
        this.context = Collections.unmodifiableMap(copy(data.context()));
        this.timestamp = data.timestamp();
        this.requestId = data.requestId();
        this.correlationId = data.correlationId();
        this.spanId = data.spanId();
        this.traceId = data.traceId();
        this.remoteStack = data.stack();
        this.extras = data.extras() == null ? null : Collections.unmodifiableMap(copy(data.extras()));
    }

    /**
     * The exception for received wire fields: the subclass named by {@code data.name()}, or a
     * plain {@code NetronException} that keeps an unknown name.
     */
    public static NetronException fromData(ErrorData data) {
        return switch (Objects.requireNonNullElse(data.name(), "TitanError")) {
            case ServiceNotFoundException.NAME -> new ServiceNotFoundException(data);
            case MethodNotFoundException.NAME -> new MethodNotFoundException(data);
            case TransportException.NAME -> new TransportException(data);
            case TransportLostException.NAME -> new TransportLostException(data);
            case RpcException.NAME -> new RpcException(data);
            case StreamException.NAME -> new StreamException(data);
            case SerializationException.NAME -> new SerializationException(data);
            case AuthException.NAME -> new AuthException(data);
            case PermissionException.NAME -> new PermissionException(data);
            case RateLimitException.NAME -> new RateLimitException(data);
            case ValidationException.NAME -> new ValidationException(data);
            case DomainException.NAME -> new DomainException(data);
            default -> new NetronException(data);
        };
    }

    /** The wire fields of this error, the inverse of {@link #fromData(ErrorData)}. */
    public ErrorData toData() {
        return new ErrorData(wireName, code, getMessage(), details, context, timestamp, requestId,
                correlationId, spanId, traceId, remoteStack, getCause(), extras);
    }

    /** The class name used on the wire, e.g. {@code "TitanError"} or {@code "RateLimitError"}. */
    public String wireName() { return wireName; }

    /** The Netron error code: HTTP-like 4xx/5xx, plus 600 and 601. */
    public int code() { return code; }

    /** The category the code belongs to. */
    public ErrorCategory category() { return ErrorCategory.of(code); }

    /** The HTTP status this error answers with: the code itself, 500 for 600/601 and non-HTTP codes. */
    public int httpStatus() { return code >= 100 && code < 600 ? code : 500; }

    /** True for 408, 429, 500, 502, 503, 504, 507 and 511: trying again later may succeed. */
    public boolean retryable() { return isRetryable(code); }

    /** Whether a code is retryable (see {@link #retryable()}). */
    public static boolean isRetryable(int code) {
        return switch (code) {
            case 408, 429, 500, 502, 503, 504, 507, 511 -> true;
            default -> false;
        };
    }

    /** Free-form details sent to the caller (never null; may be empty). */
    public Map<String, Object> details() { return details; }

    /** The request context (service, method, userId, ...), never null. */
    public Map<String, Object> context() { return context; }

    /** Epoch milliseconds when the error was created (or when the peer created it). */
    public long timestamp() { return timestamp; }

    /** Tracing id, or null. */
    public String requestId() { return requestId; }

    /** Tracing id, or null. */
    public String correlationId() { return correlationId; }

    /** Tracing id, or null. */
    public String spanId() { return spanId; }

    /** Tracing id, or null. */
    public String traceId() { return traceId; }

    /** The stack text the peer sent (only when it enables stack traces), or null. */
    public String remoteStack() { return remoteStack; }

    /** Subclass fields as they travel in ext 110's last slot, or null. */
    public Map<String, Object> extras() { return extras; }

    /**
     * Sets the tracing ids. Meant for the server to stamp an error before it leaves; errors are
     * otherwise immutable, so do this before the exception is shared between threads.
     */
    public NetronException withTracing(String requestId, String correlationId, String spanId, String traceId) {
        this.requestId = requestId;
        this.correlationId = correlationId;
        this.spanId = spanId;
        this.traceId = traceId;
        return this;
    }

    /** Sets the request context; same threading caveat as {@link #withTracing}. */
    public NetronException withContext(Map<String, ?> context) {
        this.context = Collections.unmodifiableMap(copy(context));
        return this;
    }

    /** An extra field read as a number, or null when absent. */
    final Number extraNumber(String key) {
        return extras != null && extras.get(key) instanceof Number n ? n : null;
    }

    /** An extra field read as a string, or null when absent. */
    final String extraString(String key) {
        return extras != null && extras.get(key) instanceof String s ? s : null;
    }

    // LinkedHashMap, not Map.copyOf: wire order matters for byte-exact re-encoding and values may be null.
    static Map<String, Object> copy(Map<String, ?> map) {
        return map == null ? new LinkedHashMap<>() : new LinkedHashMap<>(map);
    }

    @Override
    public String toString() {
        return wireName + "[" + code + "]: " + getMessage();
    }
}
