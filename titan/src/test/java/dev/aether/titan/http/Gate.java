package dev.aether.titan.http;

import dev.aether.netron.protocol.Public;
import dev.aether.netron.protocol.Service;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A call that holds until the test opens the gate: a deterministic "call in flight". */
@Service("gate@1.0.0")
public final class Gate {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch open = new CountDownLatch(1);

    @Public
    public String pass() throws InterruptedException {
        entered.countDown();
        if (!open.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the test never opened the gate");
        }
        return "passed";
    }
}
