package dev.aether.reactive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the specification tests: every test starts on a fresh thread-confined context of the
 * test thread, and fails if it leaves errors nobody handled (tests that expect some take them
 * with {@link #takeUncaught()}).
 */
abstract class ReactiveSpec {
    /** Errors that reached the test thread's uncaught-error handler. */
    private final List<Throwable> uncaught = new ArrayList<>();

    @BeforeEach
    void freshContext() {
        closeConfinedContext();
        ReactiveContext.current().setUncaughtErrorHandler(uncaught::add);
    }

    @AfterEach
    void noUnhandledErrors() {
        closeConfinedContext();
        assertThat(uncaught).as("errors that reached the uncaught-error handler").isEmpty();
    }

    private static void closeConfinedContext() {
        ReactiveContext ctx = ReactiveContext.currentOrNull();
        if (ctx != null && ctx.isConfined()) {
            ctx.close();
        }
    }

    /** The errors reported as uncaught so far, which the test thereby declares expected. */
    final List<Throwable> takeUncaught() {
        List<Throwable> taken = List.copyOf(uncaught);
        uncaught.clear();
        return taken;
    }

    // ---- helpers ----------------------------------------------------------------------------

    /**
     * {@code fn} counting its runs in {@code runs}, for a test that asserts how often a computed
     * ran: {@code computed(counted(runs, () -> s.get() * 2))}.
     */
    static <T> Supplier<T> counted(AtomicInteger runs, Supplier<T> fn) {
        return () -> {
            runs.incrementAndGet();
            return fn.get();
        };
    }

    /** Throws a checked exception without declaring it. */
    @SuppressWarnings("unchecked")
    static <E extends Throwable> RuntimeException sneakyThrow(Throwable t) throws E {
        throw (E) t;
    }

    /**
     * Runs {@code body} on a new thread (with its own confined context) and fails if it does not
     * finish within {@code timeout}: for code that would hang if the behaviour broke.
     */
    static void runOnOwnThread(Duration timeout, Runnable body) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "spec-worker");
        t.setDaemon(true);
        t.start();
        try {
            t.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        if (t.isAlive()) {
            t.interrupt();
            fail("did not finish within " + timeout + " (hang or deadlock)");
        }
        Throwable e = failure.get();
        if (e instanceof RuntimeException re) {
            throw re;
        }
        if (e instanceof Error err) {
            throw err;
        }
    }

    /** Runs {@code body} on another thread and returns what it threw (or null). */
    static Throwable thrownOnAnotherThread(Runnable body) {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                thrown.set(e);
            }
        }, "other-thread");
        t.start();
        try {
            t.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        assertThat(t.isAlive()).as("other thread finished").isFalse();
        return thrown.get();
    }

    /** Polls {@code condition} until it holds; fails after {@code timeout}. */
    static void awaitTrue(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + timeout + " waiting for: " + what);
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Runs the collector until {@code ref} is cleared; fails after a bounded number of tries. */
    static void assertCollected(WeakReference<?> ref, String what) {
        for (int i = 0; i < 50 && ref.get() != null; i++) {
            System.gc();
            byte[][] pressure = new byte[64][];
            for (int j = 0; j < pressure.length; j++) {
                pressure[j] = new byte[16 * 1024];
            }
            if (ref.get() != null) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
        assertThat(ref.get()).as(what + " should have been garbage collected").isNull();
    }
}
