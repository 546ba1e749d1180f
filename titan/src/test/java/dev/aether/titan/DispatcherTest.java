package dev.aether.titan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aether.netron.protocol.Public;
import dev.aether.netron.protocol.Service;
import dev.aether.netron.protocol.error.MethodNotFoundException;
import dev.aether.netron.protocol.error.NetronException;
import dev.aether.netron.protocol.error.PermissionException;
import dev.aether.netron.protocol.error.RateLimitException;
import dev.aether.netron.protocol.error.RpcException;
import dev.aether.netron.protocol.error.TransportException;
import dev.aether.netron.protocol.error.ValidationException;
import dev.aether.netron.protocol.msgpack.NetronMsgpack;
import dev.aether.titan.call.Arguments;
import dev.aether.titan.call.Caller;
import dev.aether.titan.call.Dispatcher;
import dev.aether.titan.call.RateLimiting;
import dev.aether.titan.fixtures.CalculatorService;
import dev.aether.titan.service.ServiceModel;
import dev.aether.titan.service.ServiceRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The pipeline every transport shares, driven with wire-shaped arguments. */
class DispatcherTest {
    private final CalculatorService calculator = new CalculatorService();
    private final Caller anonymous = new Caller(null, "peer-1", "127.0.0.1", "test");
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private final Blocker blocker = new Blocker();

    /** A call that is provably running ({@link #entered}) until it is interrupted ({@link #interrupted}). */
    @Service("blocker@1.0.0")
    public static final class Blocker {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch interrupted = new CountDownLatch(1);

        @Public
        public void hold() throws InterruptedException {
            entered.countDown();
            try {
                new CountDownLatch(1).await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
        }
    }

    /** A call that runs ({@link #entered}) until the test lets it finish ({@link #release}). */
    @Service("gate@1.0.0")
    public static final class Gate {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Public
        public String pass() throws InterruptedException {
            entered.countDown();
            release.await(30, TimeUnit.SECONDS);
            return "passed";
        }
    }

    private final Gate gate = new Gate();

    private Dispatcher dispatcher(RateLimiting limits) {
        ServiceRegistry registry = new ServiceRegistry();
        registry.register(ServiceModel.of(calculator));
        registry.register(ServiceModel.of(blocker));
        registry.register(ServiceModel.of(gate));
        return new Dispatcher(registry, NetronMsgpack.standard(), null, false, limits, meters, "server-1");
    }

    private static Throwable failure(CompletableFuture<?> future) {
        try {
            future.join();
            throw new AssertionError("expected a failure");
        } catch (CompletionException e) {
            return e.getCause();
        }
    }

    @Test
    void wireArgumentsAreConvertedToParameterTypes() {
        Object result = dispatcher(null).call(anonymous, "calculator", "add", Arguments.wire(List.of(2, 3.0)), Duration.ofSeconds(5)).join();
        assertThat(result).isEqualTo(5);
    }

    @Test
    void wrongArgumentCountIs400WithExpectedAndReceived() {
        Throwable error = failure(dispatcher(null).call(anonymous, "calculator", "add", Arguments.wire(List.of(1)), Duration.ofSeconds(5)));
        assertThat(error).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.code()).isEqualTo(400);
            assertThat(e.getMessage()).contains("takes 2 arguments, got 1");
        });
    }

    @Test
    void wrongArgumentTypeIs400NamingTheArgument() {
        Throwable error = failure(dispatcher(null).call(anonymous, "calculator", "add", Arguments.wire(List.of("two", 3)), Duration.ofSeconds(5)));
        assertThat(error).isInstanceOf(ValidationException.class).hasMessageContaining("argument 0 of 'add(int, int)'");
    }

    @Test
    void nullForAPrimitiveParameterIs400() {
        java.util.ArrayList<Object> args = new java.util.ArrayList<>();
        args.add(null);
        args.add(1);
        Throwable error = failure(dispatcher(null).call(anonymous, "calculator", "add", Arguments.wire(args), Duration.ofSeconds(5)));
        assertThat(error).isInstanceOf(ValidationException.class).hasMessageContaining("must not be null");
    }

    @Test
    void malformedTargetIs400() {
        Throwable error = failure(dispatcher(null).call(anonymous, "../etc/passwd", "add", Arguments.wire(List.of()), Duration.ofSeconds(5)));
        assertThat(error).isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code()).isEqualTo(400));
    }

    @Test
    void methodInheritedFromObjectIsNotCallable() {
        Throwable error = failure(dispatcher(null).call(anonymous, "calculator", "getClass", Arguments.wire(List.of()), Duration.ofSeconds(5)));
        assertThat(error).isInstanceOf(MethodNotFoundException.class);
    }

    @Test
    void propertyIsReadAndWritten() {
        Dispatcher d = dispatcher(null);
        d.set(anonymous, "calculator", "memory", 42, false);
        assertThat(d.get(anonymous, "calculator", "memory")).isEqualTo(42);
        assertThat(calculator.memory).isEqualTo(42);
    }

    @Test
    void readOnlyPropertyRefusesWritesWith403() {
        assertThatThrownBy(() -> dispatcher(null).set(anonymous, "calculator", "brand", "x", false))
                .isInstanceOf(PermissionException.class).hasMessageContaining("read-only");
    }

    @Test
    void unknownPropertyIs404() {
        assertThatThrownBy(() -> dispatcher(null).get(anonymous, "calculator", "nope")).isInstanceOf(MethodNotFoundException.class);
    }

    @Test
    void rateLimitRejectsCallsOverTheLimitWith429AndRetryAfter() {
        Dispatcher d = dispatcher(new RateLimiting(2, Duration.ofMinutes(1)));
        d.call(anonymous, "calculator", "add", Arguments.wire(List.of(1, 1)), Duration.ofSeconds(5)).join();
        d.call(anonymous, "calculator", "add", Arguments.wire(List.of(1, 1)), Duration.ofSeconds(5)).join();
        Throwable error = failure(d.call(anonymous, "calculator", "add", Arguments.wire(List.of(1, 1)), Duration.ofSeconds(5)));
        assertThat(error).isInstanceOfSatisfying(RateLimitException.class, e -> {
            assertThat(e.code()).isEqualTo(429);
            assertThat(e.details()).containsKeys("retryAfter", "limit", "remaining", "resetAt");
        });
    }

    @Test
    void rateLimitCountsPerPeer() {
        Dispatcher d = dispatcher(new RateLimiting(1, Duration.ofMinutes(1)));
        d.call(anonymous, "calculator", "add", Arguments.wire(List.of(1, 1)), Duration.ofSeconds(5)).join();
        Caller other = new Caller(null, "peer-2", "10.0.0.2", "test");
        assertThat(d.call(other, "calculator", "add", Arguments.wire(List.of(1, 1)), Duration.ofSeconds(5)).join()).isEqualTo(2);
    }

    @Test
    void drainingRejectsNewCallsWith503AndLetsRunningOnesFinish() throws Exception {
        Dispatcher d = dispatcher(null);
        CompletableFuture<Object> running = d.call(anonymous, "gate", "pass", Arguments.wire(List.of()), Duration.ofSeconds(30));
        assertThat(gate.entered.await(5, TimeUnit.SECONDS)).as("the call is running").isTrue();
        assertThat(d.inFlight()).isEqualTo(1);
        d.startDraining();
        Throwable error = failure(d.call(anonymous, "calculator", "add", Arguments.wire(List.of(1, 1)), Duration.ofSeconds(5)));
        assertThat(error).isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.code()).isEqualTo(503));
        assertThat(d.awaitIdle(Duration.ofMillis(20))).as("not idle while the held call runs").isFalse();
        assertThat(running).isNotDone();
        gate.release.countDown();
        assertThat(d.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(running).isCompletedWithValue("passed");
    }

    @Test
    void timedOutCallIsInterrupted() throws Exception {
        Dispatcher d = dispatcher(null);
        Throwable error = failure(d.call(anonymous, "calculator", "sleep", Arguments.wire(List.of(10_000)), Duration.ofMillis(100)));
        assertThat(error).isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code()).isEqualTo(408));
        assertThat(d.awaitIdle(Duration.ofSeconds(2))).as("the sleeping call was interrupted, not left running").isTrue();
    }

    @Test
    void cancellingACallInterruptsItAndReleasesItsSlot() throws Exception {
        Dispatcher d = dispatcher(null);
        CompletableFuture<Object> call = d.call(anonymous, "blocker", "hold", Arguments.wire(List.of()), Duration.ofSeconds(30));
        assertThat(blocker.entered.await(5, TimeUnit.SECONDS)).as("the call is running").isTrue();
        assertThat(d.inFlight()).isEqualTo(1);
        call.cancel(true);
        assertThat(blocker.interrupted.await(5, TimeUnit.SECONDS)).as("the running method is interrupted").isTrue();
        assertThat(d.awaitIdle(Duration.ofSeconds(5))).as("a cancelled call does not keep stop() waiting").isTrue();
        assertThat(meters.get("netron.calls").tag("method", "hold").tag("outcome", "499").timer().count())
                .as("counted as cancelled by the caller, not as the 500 its interrupted method threw").isEqualTo(1);
        assertThat(meters.find("netron.calls").tag("method", "hold").tag("outcome", "500").timer()).isNull();
    }

    @Test
    void callsAreCountedInMetricsByOutcome() {
        Dispatcher d = dispatcher(null);
        d.call(anonymous, "calculator", "add", Arguments.wire(List.of(1, 1)), Duration.ofSeconds(5)).join();
        failure(d.call(anonymous, "calculator", "divide", Arguments.wire(List.of(1, 0)), Duration.ofSeconds(5)));
        assertThat(meters.get("netron.calls").tag("method", "add").tag("outcome", "success").timer().count()).isEqualTo(1);
        assertThat(meters.get("netron.calls").tag("method", "divide").tag("outcome", "422").timer().count()).isEqualTo(1);
    }

    @Test
    void unknownNamesDoNotCreateMetricSeries() {
        Dispatcher d = dispatcher(null);
        for (int i = 0; i < 20; i++) {
            failure(d.call(anonymous, "svc" + i, "m" + i, Arguments.wire(List.of()), Duration.ofSeconds(5)));
        }
        assertThat(meters.find("netron.calls").timers()).hasSize(1);
    }

    @Test
    void authenticationAttemptsCountAgainstTheRateLimitOnEveryTransport() {
        Dispatcher d = dispatcher(new RateLimiting(1, Duration.ofMinutes(1)));
        assertThatThrownBy(() -> d.authenticate(anonymous, java.util.Map.of("token", "guess")))
                .isInstanceOfSatisfying(NetronException.class, e -> assertThat(e.code()).isEqualTo(503));
        assertThatThrownBy(() -> d.authenticate(anonymous, java.util.Map.of("token", "guess")))
                .isInstanceOf(RateLimitException.class);
    }

    @Test
    void authenticateWithoutAnAuthenticatorIs503() {
        assertThatThrownBy(() -> dispatcher(null).authenticate(anonymous, java.util.Map.of("username", "a")))
                .isInstanceOfSatisfying(NetronException.class, e -> assertThat(e.code()).isEqualTo(503));
    }
}
