package dev.aether.netron.protocol.http;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.aether.netron.protocol.error.NetronException;
import java.util.Map;

/**
 * The JSON error shape: {@code code} is {@code details.errorCode} when present, else the HTTP
 * status as a string. Batch items carry only code and message ({@code details} null, omitted).
 *
 * <pre>{@code
 * HttpError.from(new NetronException(429, "Too many requests", Map.of("retryAfter", 3)))
 * // {"code":"429","message":"Too many requests","details":{"retryAfter":3}}
 * }</pre>
 */
@JsonPropertyOrder({"code", "message", "details"})
public record HttpError(String code, String message, Map<String, Object> details) {

    /**
     * The error shape of any failure. A {@link NetronException} keeps its code and details; any
     * other exception becomes 500 with its message, as in the reference.
     */
    public static HttpError from(Throwable t) {
        if (t instanceof NetronException e) {
            Object errorCode = e.details().get("errorCode");
            String code = errorCode != null ? errorCode.toString() : Integer.toString(e.httpStatus());
            return new HttpError(code, e.getMessage(), e.details());
        }
        return new HttpError("500", t.getMessage() == null ? "Internal error" : t.getMessage(), Map.of());
    }

    /** The batch-item form: code and message only. */
    public static HttpError brief(Throwable t) {
        HttpError full = from(t);
        return new HttpError(full.code(), full.message(), null);
    }

    /** The HTTP status for a failure: the error's code (600/601 and non-HTTP codes → 500), else 500. */
    public static int status(Throwable t) {
        return t instanceof NetronException e ? e.httpStatus() : 500;
    }
}
