package dev.aether.netron.client.breaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aether.netron.client.FakeTransport;
import dev.aether.netron.client.Library;
import dev.aether.netron.client.NetronClient;
import dev.aether.netron.client.call.RetryDecision;
import dev.aether.netron.protocol.error.NetronException;
import dev.aether.netron.protocol.error.PermissionException;
import dev.aether.netron.protocol.error.TransportException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A circuit breaker per service: opens on repeated server failures, fails fast with 503 and the next attempt's time, probes after the cooldown. */
class CircuitBreakerTest {
    private static final Instant START = Instant.parse("2026-12-03T12:00:00Z");
    private static final BreakerSettings SETTINGS = new BreakerSettings(50, 2, Duration.ofSeconds(60), Duration.ofSeconds(30), 1);

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {
        private volatile Instant now = START;

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }
    }

    private final MovableClock clock = new MovableClock();
    private final CircuitBreakerInterceptor breaker = new CircuitBreakerInterceptor(SETTINGS, clock);
    private final FakeTransport transport = new FakeTransport();
    private final AtomicBoolean down = new AtomicBoolean(true);
    private final List<String> transitions = new CopyOnWriteArrayList<>();
    private final NetronClient client = NetronClient.builder(transport).interceptor(breaker).build();

    CircuitBreakerTest() {
        transport.answering(call -> {
            if (down.get()) {
                throw TransportException.unavailable("down");
            }
            return 7;
        });
        breaker.addListener((service, from, to) -> transitions.add(service + " " + from + "->" + to));
    }

    private void failTwice(Library library) {
        assertThatThrownBy(library::count).isInstanceOf(TransportException.class);
        assertThatThrownBy(library::count).isInstanceOf(TransportException.class);
    }

    @Test
    void repeatedServerFailuresOpenTheCircuitAndCallsThenFailFastWith503AndTheNextAttemptTime() {
        Library library = client.service(Library.class);
        failTwice(library);

        assertThat(breaker.state("library@2.1.0")).isEqualTo(CircuitState.OPEN);
        assertThatThrownBy(library::count).isInstanceOfSatisfying(NetronException.class, e -> {
            assertThat(e.code()).isEqualTo(503);
            assertThat(e.details()).containsEntry(RetryDecision.CIRCUIT_OPEN_DETAIL, START.plusSeconds(30).toString());
        });
        assertThat(transport.invocations()).hasSize(2);
        assertThat(transitions).containsExactly("library@2.1.0 CLOSED->OPEN");
    }

    @Test
    void afterTheCooldownAProbeThatSucceedsClosesTheCircuit() {
        Library library = client.service(Library.class);
        failTwice(library);
        down.set(false);
        clock.advance(Duration.ofSeconds(31));

        assertThat(library.count()).isEqualTo(7);

        assertThat(breaker.state("library@2.1.0")).isEqualTo(CircuitState.CLOSED);
        assertThat(transitions).containsExactly("library@2.1.0 CLOSED->OPEN", "library@2.1.0 OPEN->HALF_OPEN", "library@2.1.0 HALF_OPEN->CLOSED");
    }

    @Test
    void aProbeThatFailsOpensTheCircuitAgainForAnotherCooldown() {
        Library library = client.service(Library.class);
        failTwice(library);
        clock.advance(Duration.ofSeconds(31));

        assertThatThrownBy(library::count).isInstanceOf(TransportException.class);

        assertThat(breaker.state("library@2.1.0")).isEqualTo(CircuitState.OPEN);
        assertThatThrownBy(library::count).isInstanceOfSatisfying(NetronException.class, e ->
                assertThat(e.details()).containsEntry(RetryDecision.CIRCUIT_OPEN_DETAIL, START.plusSeconds(61).toString()));
    }

    @Test
    void eachServiceHasItsOwnCircuit() {
        failTwice(client.service(Library.class));

        client.service(Library.class, "library@1.0.0");
        down.set(false);

        assertThat(client.service(Library.class, "library@1.0.0").count()).isEqualTo(7);
        assertThat(breaker.state("library@1.0.0")).isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void clientErrorsDoNotOpenTheCircuit() {
        transport.answering(call -> {
            throw new PermissionException("no");
        });
        Library library = client.service(Library.class);

        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(library::count).isInstanceOf(PermissionException.class);
        }

        assertThat(breaker.state("library@2.1.0")).isEqualTo(CircuitState.CLOSED);
        assertThat(transport.invocations()).hasSize(5);
    }
}
