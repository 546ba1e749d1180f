package dev.aether.reactive;

import static dev.aether.reactive.Reactive.*;
import static org.assertj.core.api.Assertions.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class SharedSignalTest extends ReactiveSpec {

    @Test
    void peekAndSetWorkFromAnyThread() {
        SharedSignal<String> s = sharedSignal("a");
        assertThat(thrownOnAnotherThread(() -> s.set("b"))).isNull();
        assertThat(s.peek()).isEqualTo("b");
    }

    @Test
    void getIsATrackedReadInTheCallersContext() {
        SharedSignal<Integer> s = sharedSignal(1);
        List<Integer> seen = new ArrayList<>();
        effect(() -> seen.add(s.get()));
        s.set(2);
        ReactiveContext.current().awaitCondition(() -> seen.size() == 2, Duration.ofSeconds(5));
        assertThat(seen).containsExactly(1, 2);
    }

    @Test
    void writesFromAnotherThreadReachAConfinedContextWhenItRunsItsTasks() {
        SharedSignal<Integer> s = sharedSignal(0);
        List<Integer> seen = new ArrayList<>();
        effect(() -> seen.add(s.get()));
        thrownOnAnotherThread(() -> s.set(5));
        assertThat(seen).containsExactly(0);
        ReactiveContext.current().runPending();
        assertThat(seen).containsExactly(0, 5);
    }

    @Test
    void equalWritesDoNotNotify() {
        SharedSignal<Integer> s = sharedSignal(1);
        List<Integer> seen = new ArrayList<>();
        effect(() -> seen.add(s.get()));
        s.set(1);
        s.update(n -> n);
        assertThat(ReactiveContext.current().runPending()).isZero();
        assertThat(seen).containsExactly(1);
    }

    @Test
    void updateIsAtomicUnderContention() throws Exception {
        SharedSignal<Integer> s = sharedSignal(0);
        Thread[] writers = new Thread[8];
        for (int i = 0; i < writers.length; i++) {
            writers[i] = new Thread(() -> {
                for (int j = 0; j < 1_000; j++) {
                    s.update(n -> n + 1);
                }
            });
            writers[i].start();
        }
        for (Thread w : writers) {
            w.join(10_000);
        }
        assertThat(s.peek()).isEqualTo(8_000);
    }

    @Test
    void updateReturnsTheNewValue() {
        SharedSignal<Integer> s = sharedSignal(41);
        assertThat(s.update(n -> n + 1)).isEqualTo(42);
    }

    @Test
    void observerCountCountsObservingContexts() {
        SharedSignal<Integer> s = sharedSignal(0);
        assertThat(s.observerCount()).isZero();
        s.get();
        s.get();
        assertThat(s.observerCount()).isEqualTo(1);
        try (ReactiveContext other = ReactiveContext.create()) {
            other.run(s::get);
            assertThat(s.observerCount()).isEqualTo(2);
        }
        assertThat(s.observerCount()).as("closing a context stops its notifications").isEqualTo(1);
    }

    @Test
    void closedContextNoLongerReceivesUpdates() throws Exception {
        SharedSignal<Integer> s = sharedSignal(0);
        AtomicInteger closedSaw = new AtomicInteger(-1);
        AtomicInteger openSaw = new AtomicInteger(-1);
        ReactiveContext closing = ReactiveContext.create("closing");
        try (ReactiveContext open = ReactiveContext.create("open")) {
            closing.run(() -> effect(() -> closedSaw.set(s.get())));
            open.run(() -> effect(() -> openSaw.set(s.get())));
            s.set(1);
            awaitTrue("both saw 1", Duration.ofSeconds(5), () -> closedSaw.get() == 1 && openSaw.get() == 1);
            closing.close();
            assertThat(s.observerCount()).isEqualTo(1);
            s.set(2);
            awaitTrue("open context saw 2", Duration.ofSeconds(5), () -> openSaw.get() == 2);
            open.run(() -> { }); // one more turn of the open context
            assertThat(closedSaw).hasValue(1);
        }
    }

    @Test
    void manyWritersAndAHundredAndTwentyEightObservingContextsConverge() throws Exception {
        int contexts = 128;
        int writers = 8;
        int increments = 1_000;
        SharedSignal<Integer> shared = sharedSignal(0);
        List<ReactiveContext> sessions = new ArrayList<>();
        AtomicIntegerArray last = new AtomicIntegerArray(contexts);
        AtomicIntegerArray wentBackwards = new AtomicIntegerArray(contexts);
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        runOnOwnThread(Duration.ofSeconds(25), () -> {
            try {
                for (int i = 0; i < contexts; i++) {
                    ReactiveContext ctx = ReactiveContext.create("session-" + i);
                    ctx.setUncaughtErrorHandler(errors::add);
                    sessions.add(ctx);
                    int k = i;
                    ctx.run(() -> effect(() -> {
                        int v = shared.get();
                        if (v < last.get(k)) {
                            wentBackwards.incrementAndGet(k);
                        }
                        last.set(k, v);
                    }));
                }
                assertThat(shared.observerCount()).isEqualTo(contexts);

                CountDownLatch start = new CountDownLatch(1);
                List<Thread> threads = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    Thread t = new Thread(() -> {
                        try {
                            start.await();
                            for (int j = 0; j < increments; j++) {
                                shared.update(n -> n + 1);
                            }
                        } catch (Throwable e) {
                            errors.add(e);
                        }
                    }, "writer-" + w);
                    t.start();
                    threads.add(t);
                }
                start.countDown();
                for (Thread t : threads) {
                    t.join(15_000);
                    assertThat(t.isAlive()).as(t.getName() + " finished").isFalse();
                }
                int expected = writers * increments;
                assertThat(shared.peek()).as("no lost update").isEqualTo(expected);
                awaitTrue("every context observed " + expected, Duration.ofSeconds(15), () -> {
                    for (int i = 0; i < contexts; i++) {
                        if (last.get(i) != expected) {
                            return false;
                        }
                    }
                    return true;
                });
                for (int i = 0; i < contexts; i++) {
                    int k = i;
                    assertThat(sessions.get(i).call(() -> shared.get())).isEqualTo(expected);
                    assertThat(wentBackwards.get(k)).as("session %d observed values in order", k).isZero();
                }
                assertThat(errors).isEmpty();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            } finally {
                sessions.forEach(ReactiveContext::close);
            }
            assertThat(shared.observerCount()).as("closed contexts stop observing").isZero();
        });
    }

    @Test
    void readingFromAClosedContextIsRejected() throws Exception {
        SharedSignal<Integer> s = sharedSignal(0);
        ReactiveContext ctx = ReactiveContext.create("gone");
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        ctx.post(() -> {
            inside.countDown();
            try {
                closed.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return;
            }
            try {
                s.get();
            } catch (Throwable t) {
                errorsFromClosed.add(t);
            }
            done.countDown();
        });
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
        ctx.close();
        closed.countDown();
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(errorsFromClosed).singleElement().isInstanceOf(java.util.concurrent.RejectedExecutionException.class);
        assertThat(s.observerCount()).isZero();
    }

    private final ConcurrentLinkedQueue<Throwable> errorsFromClosed = new ConcurrentLinkedQueue<>();
    private final CountDownLatch done = new CountDownLatch(1);
}
