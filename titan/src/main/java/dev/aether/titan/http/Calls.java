package dev.aether.titan.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aether.netron.protocol.error.NetronException;
import dev.aether.netron.protocol.error.SerializationException;
import dev.aether.netron.protocol.http.NetronJson;
import dev.aether.titan.call.Arguments;
import dev.aether.titan.call.Caller;
import dev.aether.titan.call.Dispatcher;
import dev.aether.titan.call.KeptResults;
import dev.aether.titan.service.MethodModel;
import dev.aether.netron.protocol.http.InvokeRequest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Runs one {@link InvokeRequest} through the {@link Dispatcher} (the same pipeline for a single
 * call and for each batch item) and turns its result into JSON.
 *
 * <pre>{@code
 * JsonNode data = calls.await(calls.start(caller, request));
 * }</pre>
 */
final class Calls {
    private final Dispatcher dispatcher;
    private final Duration defaultTimeout;
    private final KeptResults<JsonNode> kept;

    Calls(Dispatcher dispatcher, Duration defaultTimeout, KeptResults<JsonNode> kept) {
        this.dispatcher = dispatcher;
        this.defaultTimeout = defaultTimeout;
        this.kept = kept;
    }

    /** Starts the call; the future completes with the JSON result (null for a void method) or fails with a NetronException. */
    CompletableFuture<JsonNode> start(Caller caller, InvokeRequest request) {
        return start(caller, request, null);
    }

    /**
     * Starts the call unless {@code idempotencyKey} (null for none) already ran for this caller,
     * service and method: then the future is the first run's result, or waits for it.
     */
    CompletableFuture<JsonNode> start(Caller caller, InvokeRequest request, String idempotencyKey) {
        return kept.run(caller, idempotencyKey, request.service(), request.method(), () -> dispatcher.call(caller, request.service(),
                        request.method(), Arguments.wire(request.arguments()), Timeouts.of(request.hints(), defaultTimeout))
                .thenApply(Calls::json));
    }

    /** The {@code @Cacheable} settings of the method {@code request} names, or null when its results must not be cached. */
    MethodModel.Cache cacheOf(InvokeRequest request) {
        return dispatcher.cacheOf(request.service(), request.method());
    }

    /** Waits for a started call (the caller is a virtual thread: blocking is cheap). */
    static JsonNode await(CompletableFuture<JsonNode> call) throws InterruptedException {
        try {
            return call.get();
        } catch (ExecutionException e) {
            throw failure(e);
        }
    }

    /** The NetronException a failed call is answered with. */
    static NetronException failure(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return Dispatcher.toNetron(cause, "http", "call");
    }

    private static JsonNode json(Object result) {
        if (result == null) {
            return null;
        }
        try {
            return NetronJson.tree(result);
        } catch (IllegalArgumentException e) {
            throw SerializationException.encode("The result cannot be written as JSON: " + e.getMessage());
        }
    }
}
