package dev.aether.web.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The deferred work of one request: each value ends by its deadline or with the page, whichever is first. */
class DeferredWorkTest {
    private final DeferredWork work = new DeferredWork(Duration.ofMinutes(5));

    @Test
    void aDeferredValueArrivesWhenItsWorkFinishes() {
        Deferred<String> value = work.start("greeting", () -> "hello");

        assertThat(value.result().toCompletableFuture()).succeedsWithin(Duration.ofSeconds(10)).isEqualTo("hello");
    }

    @Test
    void cancellingThePagesWorkInterruptsWhatIsStillRunning() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        Deferred<String> value = work.start("stuck", () -> DeferredDataServerTest.waitForever(interrupted));

        work.cancelAll();

        assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(value.result().toCompletableFuture()).failsWithin(Duration.ofSeconds(10))
                .withThrowableThat().havingCause().isInstanceOf(CancellationException.class);
    }

    @Test
    void aDeferredValueStartedAfterThePageIsGoneIsCancelledAtOnce() throws Exception {
        work.cancelAll();
        CountDownLatch interrupted = new CountDownLatch(1);

        Deferred<String> late = work.start("late", () -> DeferredDataServerTest.waitForever(interrupted));

        assertThat(late.isDone()).isTrue();
        assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aDeferredValueStillRunningAtItsDeadlineFailsWithATimeout() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        Deferred<String> slow = work.start("slow", Duration.ofMillis(100), () -> DeferredDataServerTest.waitForever(interrupted));

        assertThat(slow.result().toCompletableFuture()).failsWithin(Duration.ofSeconds(10))
                .withThrowableThat().havingCause().isInstanceOf(TimeoutException.class);
        assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aDeadlineMustBePositive() {
        assertThatThrownBy(() -> work.start("never", Duration.ZERO, () -> "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a deferred value's deadline must be positive, got PT0S");
    }
}
