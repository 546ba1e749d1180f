package dev.aether.web.router;

import io.github.resilience4j.ratelimiter.RateLimiter;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One live page's admission of prefetches, within its {@link PrefetchLimits}: a prefetch starts
 * only with a free in-flight slot and a rate permit, and gives the slot back when it ends. Thread
 * safe: prefetches end on their own virtual threads.
 *
 * <pre>{@code
 * Optional<PrefetchGate.Slot> slot = gate.tryStart();
 * if (slot.isEmpty()) return;                       // over a bound: dropped
 * Thread.ofVirtual().start(() -> { try (slot.get()) { runLoaders(); } });
 * }</pre>
 */
final class PrefetchGate {
    /** A running prefetch's place; closing it (once, whatever the number of calls) frees the place. */
    static final class Slot implements AutoCloseable {
        private final Semaphore inFlight;
        private final AtomicBoolean closed = new AtomicBoolean();

        private Slot(Semaphore inFlight) {
            this.inFlight = inFlight;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                inFlight.release();
            }
        }
    }

    private final int maxInFlight;
    private final Semaphore inFlight;
    private final RateLimiter rate;

    PrefetchGate(PrefetchLimits limits) {
        this.maxInFlight = limits.maxInFlight();
        this.inFlight = new Semaphore(limits.maxInFlight());
        this.rate = RateLimiter.of("prefetch", limits.rate());
    }

    /** A slot, or empty when the page has its maximum in flight or has used its permits of this period. */
    Optional<Slot> tryStart() {
        if (!inFlight.tryAcquire()) {
            return Optional.empty();
        }
        if (!rate.acquirePermission()) {
            inFlight.release();
            return Optional.empty();
        }
        return Optional.of(new Slot(inFlight));
    }

    /** Prefetches running now. */
    int inFlight() {
        return maxInFlight - inFlight.availablePermits();
    }
}
