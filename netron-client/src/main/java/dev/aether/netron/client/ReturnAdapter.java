package dev.aether.netron.client;

import dev.aether.netron.protocol.error.RpcException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * How a method hands its answer to the caller, chosen once per method from its return type (as
 * Retrofit's {@code CallAdapter}): blocking methods wait and throw the server's error itself,
 * future methods return at once, publisher methods call when subscribed to.
 */
sealed interface ReturnAdapter {
    /** The caller's value for the chain's answer. */
    Object adapt(CompletableFuture<Object> answer) throws Throwable;

    /** The caller's value for a call {@code start} makes: at once, unless the adapter waits for a subscriber. */
    default Object adaptLazily(Supplier<CompletableFuture<Object>> start) throws Throwable {
        return adapt(start.get());
    }

    /** Waits for the answer; throws the server's error unwrapped; an interrupt cancels the call. */
    record Blocking(Type type, boolean returnsVoid, String what) implements ReturnAdapter {
        @Override
        public Object adapt(CompletableFuture<Object> answer) throws Throwable {
            try {
                Object value = answer.get();
                return returnsVoid ? null : orAbsent(value, type, what);
            } catch (ExecutionException | CompletionException e) {
                throw e.getCause() != null ? e.getCause() : e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                answer.cancel(true);
                throw e;
            }
        }
    }

    /** Returns the future at once ({@code CompletableFuture} or {@code CompletionStage} methods). */
    record Future(Type type, String what) implements ReturnAdapter {
        @Override
        public Object adapt(CompletableFuture<Object> answer) {
            return rawClass(type) == Optional.class ? answer.thenApply(value -> orAbsent(value, type, what)) : answer;
        }
    }

    /**
     * A {@code Flow.Publisher<T>} method: returns at once a cold publisher; each subscriber makes
     * its own call, and once the answer is there the subscriber is handed to the server's stream
     * (real backpressure, see the transport), or gets the single value the server answered with,
     * or the call's error (see {@link AnsweredPublisher}).
     */
    record Streaming(String what) implements ReturnAdapter {
        @Override
        public Object adapt(CompletableFuture<Object> answer) {
            return new AnsweredPublisher(answer);
        }

        @Override
        public Object adaptLazily(Supplier<CompletableFuture<Object>> start) {
            return (Flow.Publisher<Object>) subscriber -> new AnsweredPublisher(start.get()).subscribe(subscriber);
        }
    }

    /**
     * What a method declared to return {@code type} gives for a value: an absent result (null or
     * undefined on the wire) is {@code Optional.empty()} for an Optional, and an invalid response
     * (500) for a primitive, which cannot be null.
     */
    static Object orAbsent(Object value, Type type, String what) {
        if (value != null) {
            return value;
        }
        Class<?> raw = rawClass(type);
        if (raw == Optional.class) {
            return Optional.empty();
        }
        if (raw.isPrimitive()) {
            throw RpcException.invalidResponse(what + " answered no value where " + raw.getName() + " was declared");
        }
        return null;
    }

    static Class<?> rawClass(Type type) {
        return type instanceof Class<?> c ? c : type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c ? c : Object.class;
    }
}
