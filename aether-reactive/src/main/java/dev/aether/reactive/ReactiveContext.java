package dev.aether.reactive;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The single-threaded world a reactive graph lives in.
 *
 * <p>Every signal, computed and effect belongs to the context that was current when it was
 * created, and may be read or written only while that context runs. That rule is what lets the
 * graph run without locks: a context runs one task at a time, like a browser's event loop or
 * one user's live session. Work from other threads is {@linkplain #post posted} to it; touching
 * a node from the wrong thread fails at once with a {@link WrongThreadException}.
 *
 * <p>There are two kinds of context:
 * <ul>
 *   <li><b>Serial</b> ({@link #create()}): runs posted tasks one after another on an executor
 *       (virtual threads by default). This is what a live UI session or a store scope uses.
 *   <li><b>Thread-confined</b>: code that runs outside any serial context, such as {@code main}
 *       or a unit test, gets a context bound to its own thread the first time it creates a node.
 *       Tasks posted to it from other threads wait until that thread calls {@link #runPending()}
 *       (or reads a {@link Resource}).
 * </ul>
 *
 * <pre>{@code
 * try (ReactiveContext session = ReactiveContext.create("session-1")) {
 *     Signal<Integer> count = session.call(() -> Reactive.signal(0));
 *     session.post(() -> count.update(n -> n + 1));       // from any thread
 *     int now = session.call(count::get);                  // blocks until run on the context
 * }
 * }</pre>
 */
public final class ReactiveContext implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ReactiveContext.class.getName());
    private static final ThreadLocal<ReactiveContext> CURRENT = new ThreadLocal<>();
    private static final AtomicInteger IDS = new AtomicInteger();
    private static final ExecutorService VIRTUAL_THREADS = Executors.newVirtualThreadPerTaskExecutor();
    /** Rounds of effects one flush may run before it is called a loop. */
    static final int MAX_FLUSH_ROUNDS = 100;
    /** Tasks one turn of a serial context runs before yielding its thread. */
    private static final int TASKS_PER_TURN = 256;

    private final String name;
    private final Executor executor;   // null: thread-confined
    private final ConcurrentLinkedQueue<Runnable> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final List<Runnable> closeHooks = new ArrayList<>();
    private volatile boolean closed;
    private volatile Consumer<? super Throwable> uncaughtErrorHandler = ReactiveContext::logUncaught;

    // ---- graph state: touched only by the thread running this context -------------------
    /** The thread allowed to touch the graph now (null between tasks of a serial context). */
    Thread thread;
    /** The computed or effect whose reads are being tracked, or null. */
    Node observer;
    /** The owner that new effects, roots and cleanups attach to, or null. */
    Owner owner;
    int batchDepth;
    /** Whether effects are being run now: writes made meanwhile are seen in the next round. */
    boolean flushing;
    /** The last version given to a signal write; signals of this context share the counter. */
    int versions;
    /** {@link #versions} when the current round of effects started: later versions are this round's writes. */
    int roundStart;

    private Effect[] queue = new Effect[16];
    private int queued;
    private Effect[] running = new Effect[16];

    private ReactiveContext(String name, Executor executor, Thread confinedTo) {
        this.name = name;
        this.executor = executor;
        this.thread = confinedTo;
    }

    /** A serial context running on virtual threads. */
    public static ReactiveContext create() {
        return create("context-" + IDS.incrementAndGet());
    }

    /** A serial context running on virtual threads, with a name used in errors and logs. */
    public static ReactiveContext create(String name) {
        return create(name, VIRTUAL_THREADS);
    }

    /** A serial context running its tasks, one at a time, on {@code executor}. */
    public static ReactiveContext create(String name, Executor executor) {
        return new ReactiveContext(Objects.requireNonNull(name, "name"), Objects.requireNonNull(executor, "executor"), null);
    }

    /**
     * The context the current thread is running, or this thread's own confined context
     * (created on first use).
     */
    public static ReactiveContext current() {
        ReactiveContext context = CURRENT.get();
        if (context == null) {
            Thread t = Thread.currentThread();
            context = new ReactiveContext("thread:" + t.getName(), null, t);
            CURRENT.set(context);
        }
        return context;
    }

    /** The context the current thread is running, or null if it has none yet. */
    static ReactiveContext currentOrNull() {
        return CURRENT.get();
    }

    public String name() {
        return name;
    }

    /** Whether the calling thread may touch this context's graph right now. */
    public boolean isCurrent() {
        return thread == Thread.currentThread();
    }

    /** Whether this context is bound to a single thread rather than running posted tasks. */
    public boolean isConfined() {
        return executor == null;
    }

    public boolean isClosed() {
        return closed;
    }

    /**
     * Where errors go that no {@link Reactive#onError onError} handler took. The default logs
     * them at ERROR through {@link System.Logger}.
     */
    public void setUncaughtErrorHandler(Consumer<? super Throwable> handler) {
        this.uncaughtErrorHandler = Objects.requireNonNull(handler, "handler");
    }

    // ---- running work ---------------------------------------------------------------------

    /**
     * Runs {@code task} on this context later, from any thread. Tasks run in the order posted.
     *
     * @throws RejectedExecutionException if the context is closed
     */
    public void post(Runnable task) {
        Objects.requireNonNull(task, "task");
        if (closed) {
            throw new RejectedExecutionException("reactive context '" + name + "' is closed");
        }
        inbox.add(task);
        if (closed && inbox.remove(task)) {
            // close() ran between the check above and add() and has already emptied the inbox: nothing
            // would ever run or reject this task (a submit()'s caller would wait for nothing).
            throw new RejectedExecutionException("reactive context '" + name + "' is closed");
        }
        if (executor != null) {
            schedule();
        }
    }

    /**
     * Runs {@code task} on this context and returns its result as a future. If the context is
     * closed before the task runs, the future fails with a {@link RejectedExecutionException}.
     */
    public <T> CompletableFuture<T> submit(Supplier<? extends T> task) {
        Submitted<T> submitted = new Submitted<>(task);
        post(submitted);
        return submitted.result;
    }

    /** A task whose caller waits for its result, told when the context closes before it runs. */
    private final class Submitted<T> implements Runnable {
        final Supplier<? extends T> task;
        final CompletableFuture<T> result = new CompletableFuture<>();

        Submitted(Supplier<? extends T> task) {
            this.task = task;
        }

        @Override
        public void run() {
            try {
                result.complete(task.get());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }

        void reject() {
            result.completeExceptionally(new RejectedExecutionException("reactive context '" + name + "' was closed before the task ran"));
        }
    }

    /**
     * Runs {@code task} on this context and waits for its result (at most 30 seconds). Runs it
     * directly when called from the context itself.
     */
    public <T> T call(Supplier<? extends T> task) {
        if (isCurrent()) {
            return task.get();
        }
        if (executor == null) {
            throw new WrongThreadException("context '" + name + "' is confined to thread '" + thread.getName()
                    + "'; post() to it and let that thread call runPending()");
        }
        try {
            return submit(task).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new ReactiveException("task on context '" + name + "' failed", cause);
        } catch (TimeoutException e) {
            throw new ReactiveException("task on context '" + name + "' did not finish within 30 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReactiveException("interrupted while waiting for context '" + name + "'", e);
        }
    }

    /** Runs {@code task} on this context and waits for it to finish. */
    public void run(Runnable task) {
        call(() -> {
            task.run();
            return null;
        });
    }

    /**
     * Runs the tasks posted so far to this confined context; call it on its own thread.
     * Returns how many ran. Serial contexts run their tasks by themselves and return 0 here.
     */
    public int runPending() {
        if (executor != null) {
            return 0;
        }
        checkThread(null);
        if (flushing || observer != null || batchDepth > 0) {
            return 0; // never interleave posted work with a running computation
        }
        int ran = 0;
        for (Runnable task; (task = inbox.poll()) != null; ran++) {
            runTask(task);
        }
        return ran;
    }

    /**
     * Waits until {@code condition} holds, running this confined context's posted tasks
     * meanwhile; for tests and command-line programs.
     */
    public void awaitCondition(Supplier<Boolean> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Boolean.TRUE.equals(condition.get())) {
            if (runPending() == 0) {
                if (System.nanoTime() > deadline) {
                    throw new ReactiveException("condition not met within " + timeout);
                }
                Thread.onSpinWait();
                Thread.yield();
            }
        }
    }

    /** Registers work to do when the context closes (used by shared sources). */
    void onClose(Runnable hook) {
        synchronized (closeHooks) {
            closeHooks.add(hook);
        }
    }

    /**
     * Closes the context: no more tasks are accepted, and shared sources stop notifying it.
     * Nodes already created keep their last values.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<Runnable> hooks;
        synchronized (closeHooks) {
            hooks = List.copyOf(closeHooks);
            closeHooks.clear();
        }
        hooks.forEach(Runnable::run);
        for (Runnable task; (task = inbox.poll()) != null; ) {
            if (task instanceof Submitted<?> waiting) {
                waiting.reject();   // its caller would otherwise wait for a result that never comes
            }
        }
        if (executor == null && CURRENT.get() == this) {
            CURRENT.remove();
        }
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException e) {
                scheduled.set(false);
                throw e;
            }
        }
    }

    private void drain() {
        ReactiveContext previous = CURRENT.get();
        CURRENT.set(this);
        thread = Thread.currentThread();
        try {
            for (int i = 0; i < TASKS_PER_TURN; i++) {
                Runnable task = inbox.poll();
                if (task == null) {
                    break;
                }
                runTask(task);
            }
        } finally {
            thread = null;
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
            scheduled.set(false);
        }
        if (!inbox.isEmpty() && !closed) {
            schedule();
        }
    }

    private void runTask(Runnable task) {
        try {
            task.run();
        } catch (Throwable t) {
            reportUncaught(t);
        }
    }

    // ---- the graph's scheduler --------------------------------------------------------------

    /** Fails fast when the calling thread is not running this context. */
    void checkThread(Node node) {
        if (thread != Thread.currentThread()) {
            throw wrongThread(node);
        }
    }

    private WrongThreadException wrongThread(Node node) {
        String what = node == null ? "context '" + name + "'" : "'" + node.describe() + "' (context '" + name + "')";
        String where = closed ? "The context is closed."
                : executor == null ? "It is confined to thread '" + thread.getName() + "'."
                : "Its context runs tasks posted to it.";
        return new WrongThreadException(what + " was touched from thread '" + Thread.currentThread().getName() + "'. "
                + where + " A reactive graph is single-threaded: post the work to its context"
                + " (context.post(() -> ...) or context.call(...)), or use a SharedSignal for a value"
                + " that many contexts observe.");
    }

    void enqueue(Effect effect) {
        if (queued == queue.length) {
            queue = Arrays.copyOf(queue, queued * 2);
        }
        queue[queued++] = effect;
    }

    /** Runs queued effects until none are left, unless a batch or a flush is already open. */
    void flush() {
        if (flushing || batchDepth > 0 || queued == 0) {
            return;
        }
        flushing = true;
        try {
            for (int round = 1; queued > 0; round++) {
                if (round > MAX_FLUSH_ROUNDS) {
                    abortLoop();
                    return;
                }
                roundStart = versions;
                // Effects queued while this round runs go to the next round.
                Effect[] batch = queue;
                int count = queued;
                queue = running;
                queued = 0;
                running = batch;
                for (int i = 0; i < count; i++) {
                    Effect effect = batch[i];
                    batch[i] = null;
                    effect.flags &= ~Node.QUEUED;
                    effect.runIfStale();
                }
            }
        } finally {
            flushing = false;
        }
    }

    private void abortLoop() {
        Effect[] stuck = Arrays.copyOf(queue, queued);
        Arrays.fill(queue, 0, queued, null);
        queued = 0;
        for (Effect effect : stuck) {
            effect.flags &= ~(Node.QUEUED | Node.STATE);
            effect.handleError(new EffectLoopException("effect '" + effect.describe() + "' was still re-triggered after "
                    + MAX_FLUSH_ROUNDS + " rounds of one update: an effect probably writes a signal it reads"));
        }
    }

    void reportUncaught(Throwable error) {
        try {
            uncaughtErrorHandler.accept(error);
        } catch (Throwable t) {
            t.addSuppressed(error);
            logUncaught(t);
        }
    }

    private static void logUncaught(Throwable error) {
        LOG.log(Level.ERROR, "unhandled error in reactive code", error);
    }

    @Override
    public String toString() {
        return "ReactiveContext[" + name + (executor == null ? ", confined" : "") + (closed ? ", closed" : "") + "]";
    }
}
