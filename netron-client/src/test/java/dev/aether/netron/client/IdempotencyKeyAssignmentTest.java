package dev.aether.netron.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aether.netron.client.call.CachePolicy;
import dev.aether.netron.client.call.RetryDecision;
import dev.aether.netron.client.call.RetryPolicy;
import dev.aether.netron.client.retry.RetryInterceptor;
import dev.aether.netron.protocol.error.TransportException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Which calls the proxy gives an idempotency key, and that every attempt of one call carries the same. */
class IdempotencyKeyAssignmentTest {
    @Test
    void aMutationCarriesAKeyAndTwoCallsCarryDifferentOnes() {
        FakeTransport transport = new FakeTransport().answering(invocation -> null);
        Library library = NetronClient.over(transport).service(Library.class);
        library.lend(1, "ann");
        library.lend(1, "ann");

        assertThat(transport.invocations()).extracting(Invocation::idempotencyKey).doesNotContainNull().doesNotHaveDuplicates();
    }

    @Test
    void idempotentAndCachedCallsCarryNone() {
        FakeTransport transport = new FakeTransport().answering(invocation -> 3);
        NetronClient client = NetronClient.over(transport);
        client.withOptions(o -> o.idempotent(true)).service(Library.class).count();
        client.withOptions(o -> o.cache(CachePolicy.maxAge(Duration.ofMinutes(1)))).service(Library.class).count();

        assertThat(transport.invocations()).extracting(Invocation::idempotencyKey).containsOnlyNulls();
    }

    @Test
    void everyAttemptOfARetriedMutationCarriesTheSameKey() {
        AtomicInteger attempts = new AtomicInteger();
        FakeTransport transport = new FakeTransport().answering(invocation -> {
            if (attempts.incrementAndGet() < 3) {
                throw TransportException.unavailable("the answer was lost");
            }
            return null;
        });
        RetryPolicy policy = RetryPolicy.attempts(3).backoff(RetryPolicy.Backoff.CONSTANT, Duration.ofMillis(1), Duration.ofMillis(1))
                .retryIf(RetryDecision.standardWithKeys());
        NetronClient client = NetronClient.builder(transport).interceptor(new RetryInterceptor()).build().withOptions(o -> o.retry(policy));

        client.service(Library.class).lend(1, "ann");

        assertThat(transport.invocations()).hasSize(3);
        assertThat(transport.invocations()).extracting(Invocation::idempotencyKey).doesNotContainNull()
                .containsOnly(transport.invocations().getFirst().idempotencyKey());
    }

    @Test
    void theStandardDecisionDoesNotTrustKeysAndLeavesAFailedMutationAlone() {
        FakeTransport transport = new FakeTransport().answering(invocation -> {
            throw TransportException.unavailable("the answer was lost");
        });
        NetronClient client = NetronClient.builder(transport).interceptor(new RetryInterceptor()).build()
                .withOptions(o -> o.retry(RetryPolicy.attempts(3)));

        assertThatThrownBy(() -> client.service(Library.class).lend(1, "ann")).isInstanceOf(TransportException.class);
        assertThat(transport.invocations()).hasSize(1);
    }
}
