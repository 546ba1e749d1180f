package dev.aether.titan.ws;

import dev.aether.netron.protocol.Service;
import java.util.concurrent.CompletableFuture;

/** Client contract of {@link RendezvousService}: asynchronous, so one thread can have many calls in flight. */
@Service("rendezvous@1.0.0")
public interface Rendezvous {
    CompletableFuture<Integer> meet(int caller);
}
