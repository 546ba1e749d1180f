package dev.aether.netron.client.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aether.netron.client.FakeTransport;
import dev.aether.netron.client.Invocation;
import dev.aether.netron.client.Library;
import dev.aether.netron.client.NetronClient;
import dev.aether.netron.client.call.Call;
import dev.aether.netron.client.call.CallOptions;
import dev.aether.netron.client.call.RetryDecision;
import dev.aether.netron.client.call.RetryPolicy;
import dev.aether.netron.protocol.error.NetronException;
import dev.aether.netron.protocol.error.PermissionException;
import dev.aether.netron.protocol.error.RateLimitException;
import dev.aether.netron.protocol.error.RpcException;
import dev.aether.netron.protocol.error.TransportException;
import dev.aether.netron.protocol.error.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Retrying failed calls: the reference's default decision, backoff, Retry-After, per-attempt timeout, listener. */
class RetryTest {
    private static final RetryPolicy THREE_EXACT = RetryPolicy.attempts(3).jitter(0);

    private final RecordingScheduler scheduler = new RecordingScheduler();
    private final FakeTransport transport = new FakeTransport();
    private final NetronClient client = NetronClient.builder(transport).interceptor(new RetryInterceptor(scheduler)).build();

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }

    /** The transport fails the first {@code failures} calls with {@code error}, then answers 7. */
    private void failing(int failures, Supplier<RuntimeException> error) {
        AtomicInteger calls = new AtomicInteger();
        transport.answering(call -> {
            if (calls.incrementAndGet() <= failures) {
                throw error.get();
            }
            return 7;
        });
    }

    private Library library(RetryPolicy policy, boolean idempotent) {
        return client.withOptions(o -> o.retry(policy).idempotent(idempotent)).service(Library.class);
    }

    @Test
    void anIdempotentCallThatFailsWithA503IsRetriedUntilItSucceeds() {
        failing(2, () -> TransportException.unavailable("down"));

        assertThat(library(THREE_EXACT, true).count()).isEqualTo(7);
        assertThat(transport.invocations()).hasSize(3);
    }

    @Test
    void aCallThatIsNotIdempotentIsNotRetriedAfterA5xx() {
        failing(1, () -> TransportException.unavailable("down"));

        assertThatThrownBy(() -> library(THREE_EXACT, false).count()).isInstanceOf(TransportException.class);
        assertThat(transport.invocations()).hasSize(1);
    }

    @Test
    void aTimeoutIsRetriedOnlyForIdempotentCalls() {
        failing(1, () -> RpcException.timeout("slow"));
        assertThat(library(THREE_EXACT, true).count()).isEqualTo(7);

        failing(1, () -> RpcException.timeout("slow"));
        assertThatThrownBy(() -> library(THREE_EXACT, false).count()).isInstanceOf(RpcException.class);
    }

    @Test
    void aRateLimitedCallIsRetriedEvenIfNotIdempotentAfterTheRetryAfterTheServerAsked() {
        failing(1, () -> new RateLimitException("slow down", 100, 0, Instant.now(), 7, Map.of()));

        assertThat(library(THREE_EXACT, false).count()).isEqualTo(7);
        assertThat(scheduler.waits()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void otherClientErrorsAreNeverRetried() {
        failing(1, () -> new PermissionException("no"));
        assertThatThrownBy(() -> library(THREE_EXACT, true).count()).isInstanceOf(PermissionException.class);

        failing(1, () -> new NetronException(404, "no such thing"));
        assertThatThrownBy(() -> library(THREE_EXACT, true).count()).isInstanceOf(NetronException.class);

        assertThat(transport.invocations()).hasSize(2);
    }

    @Test
    void programmingErrorsAreNeverRetried() {
        failing(1, () -> new IllegalArgumentException("bug"));

        assertThatThrownBy(() -> library(THREE_EXACT, true).count()).isInstanceOf(IllegalArgumentException.class);
        assertThat(transport.invocations()).hasSize(1);
    }

    @Test
    void afterTheLastAttemptTheLastErrorReachesTheCaller() {
        failing(5, () -> TransportException.unavailable("still down"));

        assertThatThrownBy(() -> library(THREE_EXACT, true).count()).isInstanceOf(TransportException.class).hasMessageContaining("still down");
        assertThat(transport.invocations()).hasSize(3);
    }

    @Test
    void exponentialBackoffDoublesFromTheInitialDelayUpToTheMaximum() {
        failing(4, () -> TransportException.unavailable("down"));

        library(RetryPolicy.attempts(5).jitter(0).backoff(RetryPolicy.Backoff.EXPONENTIAL, Duration.ofMillis(100), Duration.ofMillis(300)), true).count();

        assertThat(scheduler.waits()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(300), Duration.ofMillis(300));
    }

    @Test
    void linearBackoffGrowsByTheInitialDelay() {
        failing(3, () -> TransportException.unavailable("down"));

        library(RetryPolicy.attempts(4).jitter(0).backoff(RetryPolicy.Backoff.LINEAR, Duration.ofMillis(100), Duration.ofSeconds(1)), true).count();

        assertThat(scheduler.waits()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(300));
    }

    @Test
    void constantBackoffWaitsTheSameEachTime() {
        failing(2, () -> TransportException.unavailable("down"));

        library(RetryPolicy.attempts(3).jitter(0).backoff(RetryPolicy.Backoff.CONSTANT, Duration.ofMillis(50), Duration.ofSeconds(1)), true).count();

        assertThat(scheduler.waits()).containsExactly(Duration.ofMillis(50), Duration.ofMillis(50));
    }

    @Test
    void jitterVariesEachWaitWithinItsFraction() {
        failing(2, () -> TransportException.unavailable("down"));

        library(RetryPolicy.attempts(3).jitter(0.5).backoff(RetryPolicy.Backoff.CONSTANT, Duration.ofMillis(1000), Duration.ofSeconds(5)), true).count();

        assertThat(scheduler.waits()).allSatisfy(wait -> assertThat(wait).isBetween(Duration.ofMillis(500), Duration.ofMillis(1500)));
    }

    @Test
    void eachAttemptCarriesTheAttemptTimeout() {
        failing(1, () -> RpcException.timeout("slow"));

        library(THREE_EXACT.attemptTimeout(Duration.ofMillis(250)), true).count();

        assertThat(transport.invocations()).extracting(Invocation::timeout).containsExactly(Duration.ofMillis(250), Duration.ofMillis(250));
    }

    @Test
    void aCustomDecisionReplacesTheStandardOne() {
        failing(1, () -> new ValidationException("flaky validator", Map.of()));
        RetryDecision always = (error, call) -> true;

        assertThat(library(THREE_EXACT.retryIf(always), false).count()).isEqualTo(7);
    }

    @Test
    void theListenerHearsEachRetryWithItsErrorAndWait() {
        failing(2, () -> TransportException.unavailable("down"));
        List<String> heard = new CopyOnWriteArrayList<>();

        library(THREE_EXACT.backoff(RetryPolicy.Backoff.CONSTANT, Duration.ofMillis(10), Duration.ofSeconds(1))
                .onRetry((call, attempt, error, wait) -> heard.add(call.method() + " #" + attempt + " " + error.getMessage() + " " + wait.toMillis())), true)
                .count();

        assertThat(heard).containsExactly("count #1 down 10", "count #2 down 10");
    }

    @Test
    void aFailFastFromAnOpenCircuitIsNotRetried() {
        Call call = Call.of("library", "count", List.of(), int.class).withOptions(CallOptions.builder().idempotent(true).build());
        NetronException open = new NetronException(503, "open", Map.of(RetryDecision.CIRCUIT_OPEN_DETAIL, "2026-01-01T00:00:00Z"));

        assertThat(RetryDecision.standard().shouldRetry(open, call)).isFalse();
        assertThat(RetryDecision.standard().shouldRetry(new NetronException(503, "down"), call)).isTrue();
    }

    @Test
    void aCallerThatGivesUpStopsTheRetries() throws Exception {
        FakeTransport held = new FakeTransport().holding();
        Library library = NetronClient.builder(held).interceptor(new RetryInterceptor(scheduler)).build()
                .withOptions(o -> o.retry(THREE_EXACT).idempotent(true)).service(Library.class);
        CompletableFuture<Library.Book> answer = library.bookLater(1);
        FakeTransport.Pending first = held.nextPending();

        answer.cancel(true);
        first.reply().completeExceptionally(TransportException.unavailable("down"));
        awaitRetryTaskRun();

        assertThat(answer).isCancelled();
        assertThat(held.invocations()).hasSize(1);
    }

    /** The scheduled second attempt has run (and would have called the transport by now). */
    private void awaitRetryTaskRun() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (scheduler.getCompletedTaskCount() < 1) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the retry was never scheduled");
            }
            Thread.sleep(5); // polling a condition, with a deadline
        }
    }

    @Test
    void callsWithoutARetryPolicyAreMadeOnce() {
        failing(1, () -> TransportException.unavailable("down"));

        assertThatThrownBy(() -> client.withOptions(o -> o.idempotent(true)).service(Library.class).count()).isInstanceOf(TransportException.class);
        assertThat(transport.invocations()).hasSize(1);
    }
}
