package dev.aether.netron.client.priority;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.netron.client.FakeTransport;
import dev.aether.netron.client.call.Call;
import dev.aether.netron.client.call.CallOptions;
import dev.aether.netron.client.call.InterceptorChain;
import dev.aether.netron.client.call.Priority;
import dev.aether.netron.protocol.error.NetronException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** {@link ConcurrencyLimitInterceptor} against a transport that holds every call until the test answers it. */
class ConcurrencyLimitTest {
    private final FakeTransport transport = new FakeTransport().holding();

    private static Call call(String name, Priority priority) {
        return new Call("jobs", name, List.of(), String.class, CallOptions.builder().priority(priority).build(), Call.ANONYMOUS);
    }

    @Test
    void waitingCallsGoByPriorityThenArrival() throws Exception {
        InterceptorChain chain = new InterceptorChain(List.of(new ConcurrencyLimitInterceptor(1)), transport);
        chain.execute(call("first", Priority.NORMAL));
        chain.execute(call("low-1", Priority.LOW));
        chain.execute(call("normal", Priority.NORMAL));
        chain.execute(call("low-2", Priority.LOW));
        chain.execute(call("high", Priority.HIGH));

        List<String> sent = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            FakeTransport.Pending next = transport.nextPending();
            sent.add(next.invocation().method());
            next.reply().complete("done");
        }

        assertThat(sent).containsExactly("first", "high", "normal", "low-1", "low-2");
    }

    @Test
    void aFailedCallFreesItsSlotAndKeepsItsError() throws Exception {
        ConcurrencyLimitInterceptor limit = new ConcurrencyLimitInterceptor(1);
        InterceptorChain chain = new InterceptorChain(List.of(limit), transport);
        CompletableFuture<Object> failing = chain.execute(call("failing", Priority.NORMAL));
        CompletableFuture<Object> next = chain.execute(call("next", Priority.NORMAL));
        assertThat(limit.waiting()).isEqualTo(1);

        transport.nextPending().reply().completeExceptionally(new NetronException(500, "boom"));
        transport.nextPending().reply().complete("ok");

        assertThat(failing).isCompletedExceptionally();
        assertThat(next.join()).isEqualTo("ok");
        assertThat(limit.waiting()).isZero();
    }

    @Test
    void callsUnderTheCapGoAtOnce() throws Exception {
        InterceptorChain chain = new InterceptorChain(List.of(new ConcurrencyLimitInterceptor(3)), transport);
        for (int i = 0; i < 3; i++) {
            chain.execute(call("c" + i, Priority.LOW));
        }
        for (int i = 0; i < 3; i++) {
            assertThat(transport.nextPending().invocation().method()).isEqualTo("c" + i);
        }
    }
}
