package dev.aether.netron.protocol.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A plain (non-Titan) error as MessagePack extension 126 carries it: a JavaScript {@code Error},
 * {@code TypeError}, ... received from a TypeScript peer, with its name, message, the peer's
 * stack text and any custom fields. Java exceptions that are not {@link NetronException}s are
 * sent in the same form.
 *
 * <pre>{@code
 * catch (RemoteError e) { log.info("{}: {} (code {})", e.name(), e.getMessage(), e.fields().get("code")); }
 * }</pre>
 *
 * <p>Unlike the reference, which always sends the stack of a plain error, a Java exception is
 * sent <em>without</em> its stack trace (the slot is {@code undefined}): server internals do not
 * leak to clients. A received stack is kept in {@link #remoteStack()} and relayed unchanged.
 */
public final class RemoteError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int errorId;
    private final String name;
    private final String remoteStack;
    private final Map<String, Object> fields;

    /** A plain error named like a JavaScript error class ({@code "Error"}, {@code "TypeError"}, ...). */
    public RemoteError(String name, String message) {
        this(StandardError.idOf(name), name, message, null, Map.of());
    }

    /**
     * The full ext 126 form.
     *
     * @param errorId     1 Error, 2 SyntaxError, 3 TypeError, 4 ReferenceError, 5 RangeError,
     *                    6 EvalError, 7 URIError (any other class is sent as 1)
     * @param name        the error's {@code name}
     * @param message     the message
     * @param remoteStack the peer's stack text, or null
     * @param fields      custom fields in wire order
     */
    public RemoteError(int errorId, String name, String message, String remoteStack, Map<String, ?> fields) {
        super(message);
        this.errorId = errorId;
        this.name = name;
        this.remoteStack = remoteStack;
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields == null ? Map.of() : fields));
    }

    /** The standard-error id of ext 126. */
    public int errorId() { return errorId; }

    /** The JavaScript {@code name} (or the Java class's simple name). */
    public String name() { return name; }

    /** The peer's stack text, or null. */
    public String remoteStack() { return remoteStack; }

    /** Custom fields of the error, in wire order. */
    public Map<String, Object> fields() { return fields; }

    @Override
    public String toString() {
        return name + ": " + getMessage();
    }

    /** The JavaScript standard error classes ext 126 can name by id. */
    enum StandardError {
        Error, SyntaxError, TypeError, ReferenceError, RangeError, EvalError, URIError;

        static int idOf(String name) {
            for (StandardError e : values()) {
                if (e.name().equals(name)) return e.ordinal() + 1;
            }
            return 1;
        }
    }
}
