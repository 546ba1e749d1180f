package dev.aether.titan.ws;

import dev.aether.netron.protocol.Public;
import dev.aether.netron.protocol.Service;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A call that is provably running on the server ({@link #entered}) until the test lets it finish ({@link #release}). */
@Service("gate@1.0.0")
public final class GateService {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final CountDownLatch interrupted = new CountDownLatch(1);

    @Public
    public String pass() throws InterruptedException {
        entered.countDown();
        boolean released;
        try {
            released = release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            interrupted.countDown();
            throw e;
        }
        // Never "passed" on its own: a call that finished by itself would make a slow run look like a broken one.
        if (!released) {
            throw new IllegalStateException("the test never released the gate");
        }
        return "passed";
    }

    void awaitEntered() throws InterruptedException {
        if (!entered.await(5, TimeUnit.SECONDS)) {
            throw new AssertionError("the call never reached the service");
        }
    }
}
