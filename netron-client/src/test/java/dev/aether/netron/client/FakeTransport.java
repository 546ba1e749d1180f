package dev.aether.netron.client;

import dev.aether.netron.protocol.definition.Definition;
import dev.aether.netron.protocol.http.AuthenticateResponse;
import dev.aether.netron.protocol.msgpack.NetronMsgpack;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A transport that records what it is asked and answers with what the test scripts, converting
 * a result to the invocation's result type as real transports do (through Jackson), so the
 * proxy can be tested without a server.
 *
 * <pre>{@code
 * FakeTransport transport = new FakeTransport().answering(call -> List.of(Map.of("name", "ada")));
 * List<User> users = NetronClient.over(transport).service(Users.class).list();
 * }</pre>
 */
public final class FakeTransport implements Transport {
    private final List<Invocation> invocations = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Pending> pending = new LinkedBlockingQueue<>();
    private volatile Function<Invocation, Object> answer;
    private volatile boolean holding;
    private volatile boolean closed;
    volatile CompletableFuture<Definition> definition = new CompletableFuture<>();
    volatile CompletableFuture<AuthenticateResponse.Result> authentication = new CompletableFuture<>();

    /** A call and the future its caller waits on, for tests that complete calls themselves. */
    public record Pending(Invocation invocation, CompletableFuture<Object> reply) {
    }

    /** Answers every call with {@code answer(invocation)} converted to its result type; a thrown exception fails the call. */
    public FakeTransport answering(Function<Invocation, Object> answer) {
        this.answer = answer;
        this.holding = false;
        return this;
    }

    /** Leaves every call unanswered until the test completes it (see {@link #nextPending()}). */
    public FakeTransport holding() {
        this.holding = true;
        return this;
    }

    @Override
    public CompletableFuture<Object> call(Invocation invocation) {
        invocations.add(invocation);
        CompletableFuture<Object> reply = new CompletableFuture<>();
        if (holding) {
            pending.add(new Pending(invocation, reply));
            return reply;
        }
        try {
            Object raw = answer.apply(invocation);
            reply.complete(raw == null ? null : NetronMsgpack.standard().convert(raw, invocation.resultType()));
        } catch (RuntimeException e) {
            reply.completeExceptionally(e);
        }
        return reply;
    }

    @Override
    public CompletableFuture<Definition> queryInterface(String service) {
        return definition;
    }

    @Override
    public CompletableFuture<AuthenticateResponse.Result> authenticate(Map<String, ?> credentials) {
        return authentication;
    }

    @Override
    public void close() {
        closed = true;
    }

    public List<Invocation> invocations() {
        return invocations;
    }

    public Invocation lastInvocation() {
        return invocations.getLast();
    }

    /** The next held call, waiting up to five seconds for it. */
    public Pending nextPending() throws InterruptedException {
        Pending next = pending.poll(5, TimeUnit.SECONDS);
        if (next == null) {
            throw new AssertionError("no call arrived within 5 s");
        }
        return next;
    }

    public boolean closed() {
        return closed;
    }
}
