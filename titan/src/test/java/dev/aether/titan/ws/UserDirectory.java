package dev.aether.titan.ws;

import dev.aether.netron.protocol.Public;
import dev.aether.netron.protocol.Service;
import dev.aether.titan.event.EventBus;
import com.google.inject.Inject;
import java.util.concurrent.atomic.AtomicInteger;

/** A service that announces what it does on the injected event bus, as an application's would. */
@Service("users@1.0.0")
public final class UserDirectory {
    /** What {@code user.created} carries. */
    public record User(int id, String name) {
    }

    private final EventBus events;
    private final AtomicInteger ids = new AtomicInteger();

    @Inject
    public UserDirectory(EventBus events) {
        this.events = events;
    }

    @Public
    public User create(String name) {
        User user = new User(ids.incrementAndGet(), name);
        events.emit("user.created", user);
        return user;
    }
}
