package dev.aether.state;

import dev.aether.netron.protocol.Public;
import dev.aether.netron.protocol.error.NetronException;
import dev.aether.netron.protocol.error.TransportException;
import dev.aether.titan.event.EventBus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A real service for the state tests: counts every call by method, fails or holds on demand, emits user.created. */
public final class UserService implements Users {
    private final EventBus events;
    private final List<User> users = new ArrayList<>(List.of(new User(1, "Ada"), new User(2, "Grace")));
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile CountDownLatch held = new CountDownLatch(1);
    private volatile CountDownLatch release = new CountDownLatch(1);

    public UserService(EventBus events) {
        this.events = events;
    }

    /** How many calls of {@code method} reached the service. */
    public int calls(String method) {
        return calls.computeIfAbsent(method, m -> new AtomicInteger()).get();
    }

    public void failNext(int n) {
        failuresLeft.set(n);
    }

    public boolean awaitHeld() throws InterruptedException {
        return held.await(10, TimeUnit.SECONDS);
    }

    public void releaseHeld() {
        release.countDown();
    }

    private void count(String method) {
        calls.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
    }

    @Public
    @Override
    public synchronized List<User> list() {
        count("list");
        return List.copyOf(users);
    }

    @Public
    @Override
    public synchronized User find(long id) {
        count("find");
        return users.stream().filter(u -> u.id() == id).findFirst().orElse(null);
    }

    @Public
    @Override
    public java.util.concurrent.CompletableFuture<User> findAsync(long id) {
        count("findAsync");
        return java.util.concurrent.CompletableFuture.completedFuture(find(id));
    }

    @Public
    @Override
    public User create(String name) {
        count("create");
        User user;
        synchronized (this) {
            user = new User(users.size() + 1, name);
            users.add(user);
        }
        events.emit("user.created", user);
        return user;
    }

    @Public
    @Override
    public synchronized User rename(long id, String name) {
        count("rename");
        for (int i = 0; i < users.size(); i++) {
            if (users.get(i).id() == id) {
                users.set(i, new User(id, name));
                return users.get(i);
            }
        }
        throw new IllegalArgumentException("no user " + id);
    }

    @Public
    @Override
    public List<User> flakyList() {
        count("flakyList");
        if (failuresLeft.getAndDecrement() > 0) {
            throw new TransportException(503, "unavailable, try again");
        }
        return list();
    }

    @Public
    @Override
    public List<User> heldList() {
        count("heldList");
        List<User> asItWasWhenCalled = list();
        held.countDown();
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return asItWasWhenCalled;
    }

    @Public
    @Override
    public synchronized UserPage page(int cursor) {
        count("page");
        return new UserPage(List.of(users.get(cursor)), cursor + 1 < users.size() ? cursor + 1 : null, cursor > 0 ? cursor - 1 : null);
    }

    @Public
    @Override
    public User refuse(String name) {
        count("refuse");
        throw new NetronException(409, "no more users called " + name, Map.of());
    }
}
