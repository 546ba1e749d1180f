package dev.aether.titan.ws;

import dev.aether.netron.protocol.Public;
import dev.aether.netron.protocol.Service;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Every call waits until {@code parties} calls have arrived, then all answer: it only succeeds
 * if that many calls are in flight at the same time on the server.
 */
@Service("rendezvous@1.0.0")
public final class RendezvousService {
    private final CountDownLatch arrived;

    public RendezvousService(int parties) {
        this.arrived = new CountDownLatch(parties);
    }

    @Public
    public int meet(int caller) throws InterruptedException {
        arrived.countDown();
        if (!arrived.await(5, TimeUnit.SECONDS)) {
            throw new IllegalStateException("not everyone arrived: " + arrived.getCount() + " missing");
        }
        return caller * 2;
    }
}
