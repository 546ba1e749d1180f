package dev.aether.state;

import dev.aether.netron.client.NetronClient;
import dev.aether.netron.client.event.EventSubscription;
import dev.aether.reactive.Reactive;
import dev.aether.reactive.ReactiveContext;
import dev.aether.reactive.ReadSignal;
import dev.aether.reactive.Signal;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

import static dev.aether.reactive.Reactive.batch;
import static dev.aether.reactive.Reactive.signal;

/**
 * An {@link EventFeed} on its owner's context. Subscribing waits for the server's answer, so it
 * runs on a virtual thread, never on the context; each event is posted to the context, where the
 * handler runs. A handler that throws is logged and the feed goes on; other owners never see it.
 */
final class OpenSubscription<T> implements EventFeed<T> {
    private static final System.Logger LOG = System.getLogger(OpenSubscription.class.getName());

    private final ReactiveContext context = ReactiveContext.current();
    private final String event;
    private final Consumer<? super T> handler;
    private final Signal<T> latest = signal(null, (a, b) -> a == b);
    private final Signal<Long> count = signal(0L);
    private final Signal<Boolean> active = signal(false);
    private EventSubscription wire;   // guarded by this
    private boolean closed;           // guarded by this

    OpenSubscription(NetronClient client, String event, Class<T> type, Consumer<? super T> handler) {
        this.event = event;
        this.handler = handler;
        Thread.ofVirtual().name("subscribe " + event).start(() -> subscribe(client, type));
        Reactive.onCleanup(this::close);
    }

    private void subscribe(NetronClient client, Class<T> type) {
        EventSubscription made;
        try {
            made = client.subscribe(event, type, value -> post(() -> deliver(value)));
        } catch (RuntimeException refused) {
            LOG.log(System.Logger.Level.WARNING, "subscribing to '" + event + "' failed", refused);
            return;
        }
        synchronized (this) {
            if (closed) {
                made.close();
                return;
            }
            wire = made;
        }
        made.confirmed().whenComplete((ok, refused) -> post(() -> active.set(refused == null)));
    }

    private void deliver(T value) {
        if (isClosed()) {
            return;
        }
        batch(() -> {
            latest.set(value);
            count.set(count.peek() + 1);
        });
        try {
            handler.accept(value);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "a handler of event '" + event + "' failed; the feed goes on", e);
        }
    }

    private void post(Runnable task) {
        try {
            context.post(task);
        } catch (RejectedExecutionException contextClosed) {
            close();
        }
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    @Override
    public ReadSignal<T> latest() {
        return latest;
    }

    @Override
    public ReadSignal<Long> count() {
        return count;
    }

    @Override
    public ReadSignal<Boolean> active() {
        return active;
    }

    @Override
    public void close() {
        EventSubscription open;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            open = wire;
            wire = null;
        }
        if (open != null) {
            open.close();
        }
    }
}
