package dev.aether.reactive;

import static dev.aether.reactive.Reactive.*;
import static org.assertj.core.api.Assertions.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReactiveContextTest extends ReactiveSpec {

    // ---- thread confinement -------------------------------------------------------------------

    @Test
    void theTestThreadGetsItsOwnConfinedContext() {
        ReactiveContext ctx = ReactiveContext.current();
        assertThat(ReactiveContext.current()).isSameAs(ctx);
        assertThat(ctx.isConfined()).isTrue();
        assertThat(ctx.isCurrent()).isTrue();
        assertThat(ctx.isClosed()).isFalse();
    }

    @Test
    void eachThreadHasADifferentConfinedContext() {
        ReactiveContext mine = ReactiveContext.current();
        List<ReactiveContext> theirs = new ArrayList<>();
        thrownOnAnotherThread(() -> theirs.add(ReactiveContext.current()));
        assertThat(theirs).singleElement().isNotSameAs(mine);
        assertThat(mine.isCurrent()).isTrue();
    }

    @Test
    void readingASignalFromTheWrongThreadFailsFastSayingWhatToDo() {
        Signal<Integer> s = signal(1).named("counter");
        Throwable thrown = thrownOnAnotherThread(s::get);
        assertThat(thrown).isInstanceOf(WrongThreadException.class)
                .hasMessageContaining("counter")
                .hasMessageContaining("other-thread")
                .hasMessageContaining("post");
    }

    @Test
    void everyKindOfNodeRefusesTheWrongThread() {
        Signal<Integer> s = signal(1);
        Computed<Integer> c = computed(() -> s.get() + 1);
        Effect e = effect(s::get);
        Disposable root = createRoot(d -> d);
        assertThat(thrownOnAnotherThread(() -> s.set(2))).isInstanceOf(WrongThreadException.class);
        assertThat(thrownOnAnotherThread(s::peek)).isInstanceOf(WrongThreadException.class);
        assertThat(thrownOnAnotherThread(c::get)).isInstanceOf(WrongThreadException.class);
        assertThat(thrownOnAnotherThread(c::peek)).isInstanceOf(WrongThreadException.class);
        assertThat(thrownOnAnotherThread(e::dispose)).isInstanceOf(WrongThreadException.class);
        assertThat(thrownOnAnotherThread(root::dispose)).isInstanceOf(WrongThreadException.class);
        assertThat(s.get()).as("nothing changed").isEqualTo(1);
        assertThat(e.disposed()).isFalse();
    }

    @Test
    void aComputedWithACachedValueStillRefusesTheWrongThread() {
        Signal<Integer> s = signal(1).named("source");
        Computed<Integer> total = computed(() -> s.get() + 1).named("total");
        assertThat(total.get()).isEqualTo(2); // cached and clean: nothing below would notice the thread

        for (Runnable touch : List.<Runnable>of(total::get, total::peek, total::dispose)) {
            assertThat(thrownOnAnotherThread(touch)).isInstanceOf(WrongThreadException.class)
                    .hasMessageContaining("'total'");
        }
        s.set(2);
        assertThat(total.get()).as("not disposed").isEqualTo(3);
    }

    @Test
    void mutatingASignalFromTheWrongThreadFailsBeforeTheValueIsTouched() {
        List<String> items = new ArrayList<>(List.of("a"));
        Signal<List<String>> s = signal(items).named("items");

        assertThat(thrownOnAnotherThread(() -> s.mutate(list -> list.add("b"))))
                .isInstanceOf(WrongThreadException.class).hasMessageContaining("'items'");
        assertThat(items).containsExactly("a");
    }

    @Test
    void runPendingFromAnotherThreadFailsInsteadOfRunningTheTasksThere() {
        ReactiveContext ctx = ReactiveContext.current();
        List<String> ranOn = new ArrayList<>();
        ctx.post(() -> ranOn.add(Thread.currentThread().getName()));

        assertThat(thrownOnAnotherThread(ctx::runPending)).isInstanceOf(WrongThreadException.class);

        assertThat(ctx.runPending()).isEqualTo(1);
        assertThat(ranOn).containsExactly(Thread.currentThread().getName());
    }

    @Test
    void aSerialContextsNodesRefuseOtherThreads() {
        try (ReactiveContext ctx = ReactiveContext.create("serial")) {
            Signal<Integer> s = ctx.call(() -> signal(1));
            assertThatThrownBy(s::get).isInstanceOf(WrongThreadException.class)
                    .hasMessageContaining("serial")
                    .hasMessageContaining("post");
            assertThat(ctx.call(s::get)).isEqualTo(1);
        }
    }

    // ---- confined contexts -------------------------------------------------------------------

    @Test
    void postedTasksWaitForRunPendingOnAConfinedContext() {
        ReactiveContext ctx = ReactiveContext.current();
        List<Integer> ran = new ArrayList<>();
        ctx.post(() -> ran.add(1));
        ctx.post(() -> ran.add(2));
        assertThat(ran).isEmpty();
        assertThat(ctx.runPending()).isEqualTo(2);
        assertThat(ran).containsExactly(1, 2);
        assertThat(ctx.runPending()).isZero();
    }

    @Test
    void tasksPostedFromAnotherThreadRunOnTheConfinedThread() {
        ReactiveContext ctx = ReactiveContext.current();
        Signal<Integer> s = signal(0);
        List<Integer> seen = new ArrayList<>();
        effect(() -> seen.add(s.get()));
        Thread me = Thread.currentThread();
        List<Thread> ranOn = Collections.synchronizedList(new ArrayList<>());
        thrownOnAnotherThread(() -> ctx.post(() -> {
            ranOn.add(Thread.currentThread());
            s.set(42);
        }));
        ctx.awaitCondition(() -> s.peek() == 42, Duration.ofSeconds(5));
        assertThat(ranOn).containsExactly(me);
        assertThat(seen).containsExactly(0, 42);
    }

    @Test
    void awaitConditionTimesOut() {
        ReactiveContext ctx = ReactiveContext.current();
        assertThatThrownBy(() -> ctx.awaitCondition(() -> false, Duration.ofMillis(50)))
                .isInstanceOf(ReactiveException.class);
    }

    @Test
    void runPendingDoesNotRunTasksInTheMiddleOfAnEffect() {
        ReactiveContext ctx = ReactiveContext.current();
        List<String> log = new ArrayList<>();
        ctx.post(() -> log.add("task"));
        effect(() -> {
            log.add("effect start");
            ctx.runPending();
            log.add("effect end");
        });
        ctx.runPending();
        assertThat(log).containsExactly("effect start", "effect end", "task");
    }

    @Test
    void callOnAConfinedContextFromItsThreadRunsDirectly() {
        ReactiveContext ctx = ReactiveContext.current();
        assertThat(ctx.call(() -> "direct")).isEqualTo("direct");
    }

    @Test
    void callOnAConfinedContextFromAnotherThreadFailsSayingWhatToDo() {
        ReactiveContext ctx = ReactiveContext.current();
        Throwable thrown = thrownOnAnotherThread(() -> ctx.call(() -> 1));
        assertThat(thrown).isInstanceOf(WrongThreadException.class).hasMessageContaining("post");
    }

    @Test
    void errorThrownByAPostedTaskGoesToTheUncaughtErrorHandler() {
        ReactiveContext ctx = ReactiveContext.current();
        IllegalStateException boom = new IllegalStateException("task failed");
        ctx.post(() -> {
            throw boom;
        });
        ctx.post(() -> { });
        assertThat(ctx.runPending()).isEqualTo(2);
        assertThat(takeUncaught()).containsExactly(boom);
    }

    @Test
    void closedContextRejectsPosts() {
        ReactiveContext ctx = ReactiveContext.create("short-lived");
        ctx.close();
        assertThat(ctx.isClosed()).isTrue();
        assertThatThrownBy(() -> ctx.post(() -> { })).isInstanceOf(RejectedExecutionException.class)
                .hasMessageContaining("short-lived");
    }

    @Test
    void aTaskStillQueuedWhenTheContextClosesFailsItsCallerAtOnce() throws Exception {
        ReactiveContext ctx = ReactiveContext.create("closing");
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ctx.post(() -> {
            running.countDown();
            awaitQuietly(release);
        });
        running.await(5, TimeUnit.SECONDS);
        CompletableFuture<String> queued = ctx.submit(() -> "never");

        ctx.close();
        release.countDown();

        assertThatThrownBy(() -> queued.get(1, TimeUnit.SECONDS)).hasCauseInstanceOf(RejectedExecutionException.class)
                .hasMessageContaining("closing");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- serial contexts ---------------------------------------------------------------------

    @Test
    void submitRunsTheTaskOnTheContextAndCompletesTheFuture() throws Exception {
        try (ReactiveContext ctx = ReactiveContext.create("submit")) {
            CompletableFuture<Boolean> onContext = ctx.submit(ctx::isCurrent);
            assertThat(onContext.get(5, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Object> failing = ctx.submit(() -> {
                throw new IllegalStateException("no");
            });
            assertThatThrownBy(() -> failing.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void callReturnsTheResultAndRethrowsTheTasksException() {
        try (ReactiveContext ctx = ReactiveContext.create("call")) {
            assertThat(ctx.call(() -> 6 * 7)).isEqualTo(42);
            assertThatThrownBy(() -> ctx.call(() -> {
                throw new IllegalArgumentException("bad");
            })).isInstanceOf(IllegalArgumentException.class).hasMessage("bad");
        }
    }

    @Test
    void callFromInsideTheContextRunsDirectlyWithoutDeadlock() {
        try (ReactiveContext ctx = ReactiveContext.create("reentrant")) {
            assertThat(ctx.call(() -> ctx.call(() -> "inner"))).isEqualTo("inner");
        }
    }

    @Test
    void runWaitsForTheTaskToFinish() {
        try (ReactiveContext ctx = ReactiveContext.create("run")) {
            AtomicInteger done = new AtomicInteger();
            ctx.run(done::incrementAndGet);
            assertThat(done).hasValue(1);
        }
    }

    @Test
    void serialContextRunsPostedTasksInOrder() {
        try (ReactiveContext ctx = ReactiveContext.create("ordered")) {
            List<Integer> order = new ArrayList<>(); // touched only on the context
            for (int i = 0; i < 2_000; i++) {
                int n = i;
                ctx.post(() -> order.add(n));
            }
            List<Integer> seen = ctx.call(() -> List.copyOf(order));
            assertThat(seen).hasSize(2_000).isSorted();
        }
    }

    @Test
    void serialContextRunsOneTaskAtATimeWhateverThreadsPost() throws Exception {
        ExecutorService posters = Executors.newFixedThreadPool(8);
        try (ReactiveContext ctx = ReactiveContext.create("one-at-a-time")) {
            AtomicInteger inFlight = new AtomicInteger();
            AtomicInteger maxInFlight = new AtomicInteger();
            AtomicInteger ran = new AtomicInteger();
            CountDownLatch start = new CountDownLatch(1);
            for (int p = 0; p < 8; p++) {
                posters.execute(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    for (int i = 0; i < 500; i++) {
                        ctx.post(() -> {
                            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                            ran.incrementAndGet();
                            inFlight.decrementAndGet();
                        });
                    }
                });
            }
            start.countDown();
            posters.shutdown();
            assertThat(posters.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            awaitTrue("all tasks ran", Duration.ofSeconds(10), () -> ran.get() == 4_000);
            assertThat(maxInFlight).hasValue(1);
        } finally {
            posters.shutdownNow();
        }
    }

    @Test
    void serialContextOnACustomExecutorRunsEffectsOnIt() throws Exception {
        ExecutorService single = Executors.newSingleThreadExecutor(r -> new Thread(r, "custom-executor"));
        try (ReactiveContext ctx = ReactiveContext.create("custom", single)) {
            List<String> threads = new ArrayList<>();
            Signal<Integer> s = ctx.call(() -> {
                Signal<Integer> sig = signal(0);
                effect(() -> {
                    sig.get();
                    threads.add(Thread.currentThread().getName());
                });
                return sig;
            });
            ctx.run(() -> s.set(1));
            assertThat(ctx.call(() -> List.copyOf(threads))).containsExactly("custom-executor", "custom-executor");
            assertThat(ctx.name()).isEqualTo("custom");
            assertThat(ctx.isConfined()).isFalse();
        } finally {
            single.shutdownNow();
        }
    }

    @Test
    void errorThrownByATaskInASerialContextGoesToItsUncaughtErrorHandler() throws Exception {
        try (ReactiveContext ctx = ReactiveContext.create("failing")) {
            CompletableFuture<Throwable> reported = new CompletableFuture<>();
            ctx.setUncaughtErrorHandler(reported::complete);
            IllegalStateException boom = new IllegalStateException("boom");
            ctx.post(() -> {
                throw boom;
            });
            assertThat(reported.get(5, TimeUnit.SECONDS)).isSameAs(boom);
            assertThat(ctx.call(() -> "still running")).isEqualTo("still running");
        }
    }

    @Test
    void serialContextIsNotCurrentOutsideItsTasks() {
        try (ReactiveContext ctx = ReactiveContext.create()) {
            assertThat(ctx.isCurrent()).isFalse();
            assertThat(ctx.call(ctx::isCurrent)).isTrue();
            assertThat(ctx.call(() -> ReactiveContext.current() == ctx)).isTrue();
        }
    }
}
