/**
 * The Netron error model: {@link dev.aether.netron.protocol.error.NetronException} and its
 * subclasses carry an HTTP-like numeric code, a category, a retryable flag, details and a cause
 * chain. They travel as MessagePack extension 110 on the binary path and as the JSON error shape
 * ({@code dev.aether.netron.protocol.http.HttpError}) over HTTP.
 *
 * <pre>{@code
 * throw new NetronException(409, "Email already registered", Map.of("errorCode", "EMAIL_TAKEN"));
 *
 * try { users.get(42); }
 * catch (NetronException e) { if (e.retryable()) retryLater(); }
 * }</pre>
 */
package dev.aether.netron.protocol.error;
