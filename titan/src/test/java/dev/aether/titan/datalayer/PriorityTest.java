package dev.aether.titan.datalayer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.netron.client.NetronClient;
import dev.aether.netron.client.call.Priority;
import dev.aether.netron.client.http.HttpTransport;
import dev.aether.netron.client.priority.ConcurrencyLimitInterceptor;
import dev.aether.titan.Titan;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A client's cap on concurrent requests, and priority among the calls that wait, against a real Titan. */
class PriorityTest {
    private final LedgerService ledger = new LedgerService();
    private Titan titan;

    @BeforeEach
    void start() {
        titan = Titan.builder().port(0).service(ledger).build().start();
    }

    @AfterEach
    void stop() {
        titan.stop();
    }

    @Test
    void aHighPriorityCallQueuedAfterTwoLowOnesRunsBeforeThem() throws Exception {
        ConcurrencyLimitInterceptor limit = new ConcurrencyLimitInterceptor(1);
        try (NetronClient client = NetronClient.builder(new HttpTransport(titan.httpUri())).interceptor(limit).build()) {
            Ledger normal = client.service(Ledger.class);
            Ledger low = client.withOptions(o -> o.priority(Priority.LOW)).service(Ledger.class);
            Ledger high = client.withOptions(o -> o.priority(Priority.HIGH)).service(Ledger.class);

            CompletableFuture<String> slow = normal.slowEcho("slow", 500);
            List<CompletableFuture<String>> queued = List.of(low.echo("low-1"), low.echo("low-2"), high.echo("high"));
            assertThat(limit.waiting()).isEqualTo(3);

            assertThat(slow.get(10, TimeUnit.SECONDS)).isEqualTo("slow");
            assertThat(queued.stream().map(CompletableFuture::join)).containsExactly("low-1", "low-2", "high");
            assertThat(ledger.echoed).containsExactly("high", "low-1", "low-2");
        }
    }

    @Test
    void noMoreThanTheCapRunAtOnce() throws Exception {
        ConcurrencyLimitInterceptor limit = new ConcurrencyLimitInterceptor(2);
        try (NetronClient client = NetronClient.builder(new HttpTransport(titan.httpUri())).interceptor(limit).build()) {
            Ledger remote = client.service(Ledger.class);
            List<CompletableFuture<String>> calls = List.of(remote.slowEcho("a", 300), remote.slowEcho("b", 300), remote.echo("c"));

            assertThat(limit.waiting()).isEqualTo(1);
            assertThat(calls.stream().map(CompletableFuture::join)).containsExactly("a", "b", "c");
            assertThat(limit.waiting()).isZero();
        }
    }

    @Test
    void aWaitingCallThatIsCancelledLeavesTheQueueAndNeverReachesTheServer() throws Exception {
        ConcurrencyLimitInterceptor limit = new ConcurrencyLimitInterceptor(1);
        try (NetronClient client = NetronClient.builder(new HttpTransport(titan.httpUri())).interceptor(limit).build()) {
            Ledger remote = client.service(Ledger.class);
            CompletableFuture<String> slow = remote.slowEcho("slow", 300);
            CompletableFuture<String> abandoned = remote.echo("abandoned");
            CompletableFuture<String> kept = remote.echo("kept");

            abandoned.cancel(true);

            assertThat(limit.waiting()).isEqualTo(1);
            assertThat(kept.get(10, TimeUnit.SECONDS)).isEqualTo("kept");
            assertThat(slow.get(10, TimeUnit.SECONDS)).isEqualTo("slow");
            assertThat(ledger.echoed).containsExactly("kept");
        }
    }
}
