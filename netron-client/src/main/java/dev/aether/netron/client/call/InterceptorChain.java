package dev.aether.netron.client.call;

import dev.aether.netron.client.Transport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The interceptors of a client in order, ending with the transport. Built once per client;
 * every call walks it from the first link.
 *
 * <pre>{@code
 * InterceptorChain chain = new InterceptorChain(List.of(new DeduplicationInterceptor()), transport);
 * CompletableFuture<Object> answer = chain.execute(Call.of("users", "count", List.of(), int.class));
 * }</pre>
 */
public final class InterceptorChain {
    private final List<CallInterceptor> links;

    /** {@code interceptors} in the order calls pass through them, then {@code transport}. */
    public InterceptorChain(List<CallInterceptor> interceptors, Transport transport) {
        List<CallInterceptor> all = new ArrayList<>(interceptors);
        all.add(new TransportInterceptor(transport));
        this.links = List.copyOf(all);
    }

    /** Runs {@code call} through every link; an interceptor that throws fails the future instead. */
    public CompletableFuture<Object> execute(Call call) {
        return proceedFrom(0, call);
    }

    private CompletableFuture<Object> proceedFrom(int index, Call call) {
        if (index >= links.size()) {
            return CompletableFuture.failedFuture(new IllegalStateException("the transport is the last link; nothing comes after it"));
        }
        CallInterceptor link = links.get(index);
        try {
            CompletableFuture<Object> answer = link.intercept(new Link(index + 1, call));
            return answer != null ? answer
                    : CompletableFuture.failedFuture(new IllegalStateException(link.getClass().getName() + " answered null instead of a future"));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The chain as seen from one link: its call, and the links after it. */
    private final class Link implements CallInterceptor.Chain {
        private final int next;
        private final Call call;

        Link(int next, Call call) {
            this.next = next;
            this.call = call;
        }

        @Override
        public Call call() {
            return call;
        }

        @Override
        public CompletableFuture<Object> proceed(Call call) {
            return proceedFrom(next, call);
        }
    }
}
