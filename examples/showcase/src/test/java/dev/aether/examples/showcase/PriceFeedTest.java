package dev.aether.examples.showcase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.netron.client.NetronClient;
import dev.aether.netron.client.ws.WebSocketTransport;
import dev.aether.netron.protocol.error.ValidationException;
import dev.aether.titan.Titan;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The ticking price feed of the example application, read by the Java client over a real WebSocket. */
class PriceFeedTest {
    private final Titan titan = Titan.builder().host("127.0.0.1").port(0).service(new PriceService(Duration.ofMillis(20))).build().start();

    @AfterEach
    void stop() {
        titan.stop();
    }

    @Test
    void aClientReadsTicksOfOneSymbolInOrderThenCancelsAndTheFeedIsFreed() throws Exception {
        WebSocketTransport transport = WebSocketTransport.connect(titan.webSocketUri());
        try (NetronClient client = NetronClient.over(transport)) {
            List<Price> got = new CopyOnWriteArrayList<>();
            CompletableFuture<List<Price>> ten = new CompletableFuture<>();
            client.service(Prices.class).feed("ACME").subscribe(new Flow.Subscriber<>() {
                private Flow.Subscription subscription;

                @Override
                public void onSubscribe(Flow.Subscription s) {
                    subscription = s;
                    s.request(1);
                }

                @Override
                public void onNext(Price price) {
                    got.add(price);
                    if (got.size() == 10) {
                        subscription.cancel();
                        ten.complete(List.copyOf(got));
                    } else {
                        subscription.request(1);
                    }
                }

                @Override
                public void onError(Throwable t) {
                    ten.completeExceptionally(t);
                }

                @Override
                public void onComplete() {
                    ten.completeExceptionally(new AssertionError("a price feed does not end by itself"));
                }
            });
            List<Price> prices = ten.get(20, TimeUnit.SECONDS);
            assertThat(prices).extracting(Price::seq).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
            assertThat(prices).allSatisfy(p -> {
                assertThat(p.symbol()).isEqualTo("ACME");
                assertThat(p.price()).isPositive();
            });
            assertThat(prices.get(0).price()).isEqualTo(100.0);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (transport.openStreams() != 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(transport.openStreams()).isZero();
        }
    }

    @Test
    void anUnknownSymbolIsAnErrorOnTheSubscriber() throws Exception {
        try (NetronClient client = NetronClient.websocket(titan.webSocketUri())) {
            CompletableFuture<Throwable> failure = new CompletableFuture<>();
            client.service(Prices.class).feed("NOPE").subscribe(new Flow.Subscriber<>() {
                public void onSubscribe(Flow.Subscription s) {
                    s.request(1);
                }

                public void onNext(Price item) {
                    failure.completeExceptionally(new AssertionError("no price expected"));
                }

                public void onError(Throwable t) {
                    failure.complete(t);
                }

                public void onComplete() {
                    failure.completeExceptionally(new AssertionError("no completion expected"));
                }
            });
            assertThat(failure.get(20, TimeUnit.SECONDS)).isInstanceOf(ValidationException.class).hasMessageContaining("Unknown symbol: NOPE");
        }
    }
}
