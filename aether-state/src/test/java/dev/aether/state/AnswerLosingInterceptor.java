package dev.aether.state;

import dev.aether.netron.client.call.CallInterceptor;
import dev.aether.netron.protocol.error.TransportException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The last link before the wire, losing answers: the first {@code count} calls of {@code method}
 * reach the server and run there, then their answer is replaced by a 503, as when a connection
 * drops after the server did the work.
 */
final class AnswerLosingInterceptor implements CallInterceptor {
    private final String method;
    private final AtomicInteger toLose;
    private final AtomicInteger lost = new AtomicInteger();

    AnswerLosingInterceptor(String method, int count) {
        this.method = method;
        this.toLose = new AtomicInteger(count);
    }

    int lost() {
        return lost.get();
    }

    @Override
    public CompletableFuture<Object> intercept(Chain chain) {
        CompletableFuture<Object> answer = chain.proceed(chain.call());
        if (!chain.call().method().equals(method) || toLose.getAndDecrement() <= 0) {
            return answer;
        }
        return answer.handle((value, error) -> {
            lost.incrementAndGet();
            throw new CompletionException(new TransportException(503, "the answer was lost"));
        });
    }
}
