package dev.aether.netron.client.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aether.netron.protocol.error.NetronException;
import dev.aether.netron.protocol.error.RpcException;
import dev.aether.netron.protocol.error.TransportLostException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Requests waiting for their reply: completion, failure, deadlines, and the connection going away. */
class PendingCallsTest {
    private static final Duration LONG = Duration.ofMinutes(5);

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "completer"));
    private final PendingCalls pending = new PendingCalls(executor);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private CompletableFuture<Object> open(long id, Duration timeout) {
        CompletableFuture<Object> reply = new CompletableFuture<>();
        assertThat(pending.open(id, reply, timeout, "calculator.add")).isTrue();
        return reply;
    }

    private static Throwable failureOf(CompletableFuture<Object> reply) {
        assertThatThrownBy(() -> reply.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        return reply.exceptionNow();
    }

    @Test
    void aReplyCompletesItsRequestAndForgetsIt() throws Exception {
        CompletableFuture<Object> reply = open(1, LONG);

        pending.complete(1, 5);

        assertThat(reply.get(5, TimeUnit.SECONDS)).isEqualTo(5);
        assertThat(pending.size()).isZero();
    }

    @Test
    void aReplyCompletesOnlyTheRequestWithItsId() throws Exception {
        CompletableFuture<Object> first = open(1, LONG);
        CompletableFuture<Object> second = open(2, LONG);

        pending.complete(2, "two");

        assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo("two");
        assertThat(first).isNotDone();
        assertThat(pending.size()).isEqualTo(1);
    }

    @Test
    void futuresAreCompletedOnTheExecutorNotTheReadingThread() throws Exception {
        CompletableFuture<Object> reply = open(1, LONG);
        AtomicReference<String> thread = new AtomicReference<>();
        CompletableFuture<Void> seen = reply.thenRun(() -> thread.set(Thread.currentThread().getName()));

        pending.complete(1, "x");

        seen.get(5, TimeUnit.SECONDS);
        assertThat(thread.get()).isEqualTo("completer");
    }

    @Test
    void anErrorReplyFailsTheRequestWithThatError() {
        CompletableFuture<Object> reply = open(1, LONG);
        NetronException error = new NetronException(403, "denied");

        pending.fail(1, error);

        assertThat(failureOf(reply)).isSameAs(error);
    }

    @Test
    void aReplyForAnUnknownIdIsIgnored() {
        CompletableFuture<Object> reply = open(1, LONG);

        pending.complete(99, "stray");
        pending.fail(98, new NetronException(500, "stray"));

        assertThat(reply).isNotDone();
        assertThat(pending.size()).isEqualTo(1);
    }

    @Test
    void anIdStillInUseCannotBeOpenedAgain() {
        CompletableFuture<Object> first = open(7, LONG);

        assertThat(pending.open(7, new CompletableFuture<>(), LONG, "again")).isFalse();
        pending.complete(7, "first");

        assertThat(first.join()).isEqualTo("first");
    }

    @Test
    void aRequestPastItsDeadlineFailsWith408AndALateReplyIsIgnored() {
        CompletableFuture<Object> reply = open(1, Duration.ofMillis(50));

        Throwable timeout = failureOf(reply);

        assertThat(timeout).isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code()).isEqualTo(408))
                .hasMessageContaining("calculator.add").hasMessageContaining("50 ms");
        assertThat(pending.size()).isZero();
        pending.complete(1, "late");
        assertThat(reply).isCompletedExceptionally();
    }

    @Test
    void aDeadlineDoesNotFailARequestThatWasAnswered() throws Exception {
        CompletableFuture<Object> answered = open(1, Duration.ofMillis(50));
        pending.complete(1, "in time");
        CompletableFuture<Object> later = open(2, Duration.ofMillis(60));

        failureOf(later); // the second deadline has passed, so the first one has too

        assertThat(answered.get()).isEqualTo("in time");
    }

    @Test
    void losingTheConnectionFailsEveryRequestWithItsOwnException() {
        CompletableFuture<Object> first = open(1, LONG);
        CompletableFuture<Object> second = open(2, LONG);

        pending.failAll(() -> new TransportLostException("Connection lost"));

        Throwable a = failureOf(first);
        Throwable b = failureOf(second);
        assertThat(a).isInstanceOf(TransportLostException.class);
        assertThat(b).isInstanceOf(TransportLostException.class).isNotSameAs(a);
        assertThat(pending.size()).isZero();
    }

    @Test
    void aRequestFailedAfterTheExecutorStoppedIsStillCompleted() {
        CompletableFuture<Object> reply = open(1, LONG);
        executor.shutdown();

        pending.failAll(() -> new TransportLostException("closed"));

        assertThat(reply).isCompletedExceptionally();
        assertThat(reply.exceptionNow()).isInstanceOf(TransportLostException.class);
    }
}
