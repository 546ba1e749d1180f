package dev.aether.netron.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aether.netron.client.call.Call;
import dev.aether.netron.client.call.CallInterceptor;
import dev.aether.netron.client.call.CallOptions;
import java.time.Duration;
import java.util.concurrent.Flow;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The chain every call passes through: interceptors in order, the transport last, options and principal on each call. */
class InterceptorChainTest {
    private final FakeTransport transport = new FakeTransport().answering(call -> 3);
    private final List<String> seen = new CopyOnWriteArrayList<>();

    private CallInterceptor recording(String name) {
        return chain -> {
            seen.add(name + " " + chain.call().method());
            return chain.proceed(chain.call());
        };
    }

    @Test
    void interceptorsSeeTheCallInTheOrderTheyWereAddedBeforeTheTransport() {
        NetronClient client = NetronClient.builder(transport).interceptor(recording("first")).interceptor(recording("second")).build();

        assertThat(client.service(Library.class).count()).isEqualTo(3);
        assertThat(seen).containsExactly("first count", "second count");
        assertThat(transport.invocations()).hasSize(1);
    }

    @Test
    void anInterceptorCanAnswerWithoutReachingTheTransport() {
        CallInterceptor answering = chain -> CompletableFuture.completedFuture(41);
        NetronClient client = NetronClient.builder(transport).interceptor(answering).build();

        assertThat(client.service(Library.class).count()).isEqualTo(41);
        assertThat(transport.invocations()).isEmpty();
    }

    @Test
    void anInterceptorCanChangeTheCallItPassesOn() {
        CallInterceptor shorter = chain -> chain.proceed(chain.call().withOptions(
                chain.call().options().toBuilder().timeout(Duration.ofMillis(700)).build()));
        NetronClient client = NetronClient.builder(transport).interceptor(shorter).build();

        client.service(Library.class).count();

        assertThat(transport.lastInvocation().timeout()).isEqualTo(Duration.ofMillis(700));
    }

    @Test
    void anInterceptorCanProceedTwice() {
        CallInterceptor twice = chain -> chain.proceed(chain.call()).thenCompose(first -> chain.proceed(chain.call()));
        NetronClient client = NetronClient.builder(transport).interceptor(twice).build();

        client.service(Library.class).count();

        assertThat(transport.invocations()).hasSize(2);
    }

    @Test
    void anInterceptorThatThrowsFailsTheCallWithItsException() {
        CallInterceptor broken = chain -> {
            throw new IllegalStateException("broken interceptor");
        };
        Library library = NetronClient.builder(transport).interceptor(broken).build().service(Library.class);

        assertThatThrownBy(library::count).isInstanceOf(IllegalStateException.class).hasMessage("broken interceptor");
        assertThat(transport.invocations()).isEmpty();
    }

    @Test
    void anInterceptorThatAnswersNullFailsTheCallClearly() {
        Library library = NetronClient.builder(transport).interceptor(chain -> null).build().service(Library.class);

        assertThatThrownBy(library::count).isInstanceOf(IllegalStateException.class).hasMessageContaining("null");
    }

    @Test
    void callsCarryTheClientDefaultsAndAPerCallOverrideChangesOnlyWhatItNames() {
        List<Call> calls = new CopyOnWriteArrayList<>();
        CallOptions defaults = CallOptions.builder().timeout(Duration.ofSeconds(9)).build();
        NetronClient client = NetronClient.builder(transport).defaults(defaults)
                .interceptor(chain -> {
                    calls.add(chain.call());
                    return chain.proceed(chain.call());
                }).build();

        client.service(Library.class).count();
        client.withOptions(o -> o.idempotent(true)).service(Library.class).count();

        assertThat(calls).extracting(Call::options).containsExactly(
                CallOptions.builder().timeout(Duration.ofSeconds(9)).build(),
                CallOptions.builder().timeout(Duration.ofSeconds(9)).idempotent(true).build());
        assertThat(client.defaults()).isEqualTo(defaults);
    }

    @Test
    void callsCarryThePrincipalTheClientCallsFor() {
        List<String> principals = new CopyOnWriteArrayList<>();
        NetronClient client = NetronClient.builder(transport).interceptor(chain -> {
            principals.add(chain.call().principal());
            return chain.proceed(chain.call());
        }).build();

        client.service(Library.class).count();
        client.withPrincipal("u-7").service(Library.class).count();

        assertThat(principals).containsExactly(Call.ANONYMOUS, "u-7");
    }

    @Test
    void aCallTurnsIntoTheInvocationATransportSends() {
        Call call = new Call("library@2.1.0", "book", List.of(1L), Library.Book.class,
                CallOptions.builder().timeout(Duration.ofSeconds(2)).build(), "u-1");

        assertThat(call.toInvocation()).isEqualTo(new Invocation("library@2.1.0", "book", List.of(1L), Library.Book.class, Duration.ofSeconds(2)));
    }

    /** A contract with a publisher method, answered here with a single value rather than a stream. */
    interface Streaming {
        Flow.Publisher<Integer> ticks();

        int count();
    }

    @Test
    void aPublisherMethodAnsweredWithOneValueEmitsItOnRequestThenCompletes() throws Exception {
        Streaming streaming = NetronClient.over(transport).service(Streaming.class, "streaming@1.0.0");
        List<Object> signals = new CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);

        streaming.ticks().subscribe(new Flow.Subscriber<>() {
            public void onSubscribe(Flow.Subscription s) {
                s.request(1);
            }

            public void onNext(Integer item) {
                signals.add(item);
            }

            public void onError(Throwable t) {
                signals.add(t);
                done.countDown();
            }

            public void onComplete() {
                signals.add("complete");
                done.countDown();
            }
        });

        assertThat(done.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(signals).containsExactly(3, "complete");
        assertThat(streaming.count()).isEqualTo(3);
    }
}
