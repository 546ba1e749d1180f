package dev.aether.titan.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.netron.client.NetronClient;
import dev.aether.netron.client.ws.WebSocketTransport;
import dev.aether.netron.protocol.error.StreamException;
import dev.aether.netron.protocol.error.TransportLostException;
import dev.aether.netron.protocol.stream.StreamLimits;
import dev.aether.titan.stream.Tick;
import dev.aether.titan.stream.Ticker;
import dev.aether.titan.stream.TickerService;
import dev.aether.titan.stream.TestSubscriber;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Server → client and client → server streams between the Java client and a real Titan, with credits negotiated. */
class StreamsOverWebSocketTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int WINDOW = 8;

    private final TickerService service = new TickerService();
    private WsHarness harness;
    private WebSocketTransport transport;
    private Ticker ticker;

    @BeforeEach
    void start() {
        harness = new WsHarness(WebSocketOptions.defaults(), StreamLimits.defaults().withMaxStreams(3), service);
        transport = WebSocketTransport.connect(harness.uri(), null, Duration.ofSeconds(20), StreamLimits.defaults().withCredits(WINDOW));
        ticker = NetronClient.over(transport).service(Ticker.class);
    }

    @AfterEach
    void stop() throws Exception {
        transport.close();
        harness.close();
    }

    @Test
    void theClientAndTheServerNegotiateCredits() throws Exception {
        awaitTrue(transport::streamCreditsNegotiated);
    }

    @Test
    void anIteratorResultArrivesAsTypedItemsInOrderThenCompletes() throws Exception {
        TestSubscriber<Tick> ticks = TestSubscriber.of(ticker.counted(100));
        ticks.request(Long.MAX_VALUE);
        assertThat(ticks.awaitDone(WAIT)).isTrue();
        assertThat(ticks.error).isNull();
        assertThat(ticks.items).extracting(Tick::seq).containsExactlyElementsOf(LongStream.range(0, 100).boxed().toList());
        assertThat(ticks.items.get(0)).isEqualTo(new Tick(0, "ACME"));
        awaitTrue(() -> transport.openStreams() == 0 && harness.handler.openStreams() == 0);
    }

    @Test
    void aJavaStreamAndAPublisherResultStreamToo() throws Exception {
        TestSubscriber<Tick> ranged = TestSubscriber.of(ticker.ranged(50));
        TestSubscriber<Tick> published = TestSubscriber.of(ticker.published(50));
        ranged.request(Long.MAX_VALUE);
        published.request(Long.MAX_VALUE);
        assertThat(ranged.awaitDone(WAIT) && published.awaitDone(WAIT)).isTrue();
        assertThat(ranged.items).hasSize(50);
        assertThat(published.items).hasSize(50);
        assertThat(ranged.completed && published.completed).isTrue();
    }

    @Test
    void aSubscriberThatRequestsOneAtATimeGetsOneAtATimeAndTheSourceStaysWithinTheWindow() throws Exception {
        TestSubscriber<Tick> ticks = TestSubscriber.of(ticker.published(10_000));
        ticks.request(1);
        ticks.awaitItems(1, WAIT);
        awaitTrue(() -> service.produced.get() == WINDOW); // the first window, then the sender waits for credit
        assertStaysTrue(() -> service.produced.get() <= WINDOW && ticks.items.size() == 1);
        for (int i = 2; i <= 40; i++) {
            ticks.request(1);
            ticks.awaitItems(i, WAIT);
            assertThat(ticks.items).hasSize(i);
            assertThat(service.produced.get()).isLessThanOrEqualTo(i + WINDOW);
        }
        assertStaysTrue(() -> ticks.items.size() == 40 && service.produced.get() <= 40 + WINDOW);
    }

    @Test
    void aServerMethodThatThrowsMidStreamEndsTheStreamWithOnError() throws Exception {
        TestSubscriber<Tick> ticks = TestSubscriber.of(ticker.failing(3));
        ticks.request(Long.MAX_VALUE);
        assertThat(ticks.awaitDone(WAIT)).isTrue();
        assertThat(ticks.items).hasSize(3);
        assertThat(ticks.error).isInstanceOf(StreamException.class).hasMessage("boom at 3");
        assertThat(((StreamException) ticks.error).code()).isEqualTo(500);
        awaitTrue(() -> transport.openStreams() == 0 && harness.handler.openStreams() == 0);
    }

    @Test
    void theClientCancellingStopsTheServersSourceAndFreesTheStreamOnBothSides() throws Exception {
        TestSubscriber<Tick> ticks = TestSubscriber.of(ticker.endless());
        ticks.request(5);
        ticks.awaitItems(5, WAIT);
        ticks.cancel();
        assertThat(service.endlessClosed.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        awaitTrue(() -> transport.openStreams() == 0 && harness.handler.openStreams() == 0);
        assertThat(ticks.error).isNull();
        assertThat(ticks.completed).isFalse();
    }

    @Test
    void theConnectionDroppingEndsTheStreamOnBothSides() throws Exception {
        TestSubscriber<Tick> ticks = TestSubscriber.of(ticker.endless());
        ticks.request(5);
        ticks.awaitItems(5, WAIT);
        transport.close();
        assertThat(ticks.awaitDone(WAIT)).isTrue();
        assertThat(ticks.error).isInstanceOf(TransportLostException.class);
        assertThat(service.endlessClosed.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        awaitTrue(() -> harness.handler.openStreams() == 0);
    }

    @Test
    void theServerGoingAwayEndsTheClientsStreamWithTransportLost() throws Exception {
        TestSubscriber<Tick> ticks = TestSubscriber.of(ticker.endless());
        ticks.request(5);
        ticks.awaitItems(5, WAIT);
        harness.close();
        awaitTrue(() -> !transport.isOpen());
        assertThat(ticks.awaitDone(WAIT)).isTrue();
        assertThat(ticks.error).isInstanceOf(TransportLostException.class);
        assertThat(transport.openStreams()).isZero();
    }

    @Test
    void theConnectionDroppingEndsAClientToServerStreamWithTransportLostOnBothSides() throws Exception {
        java.util.concurrent.CountDownLatch sourceCancelled = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CompletableFuture<Long> upload = ticker.drain(
                new TickerService.CountingPublisher(Long.MAX_VALUE, new java.util.concurrent.atomic.AtomicLong(), sourceCancelled::countDown));
        awaitTrue(() -> service.drained.get() >= 5);

        transport.close();

        assertThat(service.drainEnded).succeedsWithin(WAIT).isInstanceOf(TransportLostException.class);
        assertThat(upload).failsWithin(WAIT).withThrowableThat().havingCause().isInstanceOf(TransportLostException.class);
        assertThat(sourceCancelled.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("the client's source was cancelled").isTrue();
        awaitTrue(() -> transport.openStreams() == 0 && harness.handler.openStreams() == 0);
    }

    @Test
    void aPublisherArgumentStreamsFromTheClientToTheServer() throws Exception {
        long sum = ticker.sum(new TickerService.CountingPublisher(1000, new java.util.concurrent.atomic.AtomicLong(), () -> { }))
                .orTimeout(10, TimeUnit.SECONDS).join();
        assertThat(sum).isEqualTo(LongStream.range(0, 1000).sum());
        awaitTrue(() -> transport.openStreams() == 0 && harness.handler.openStreams() == 0);
    }

    @Test
    void moreStreamsThanTheLimitAreRefusedWith429() throws Exception {
        for (int i = 0; i < 3; i++) {
            TestSubscriber.of(ticker.endless()).request(1);
        }
        awaitTrue(() -> harness.handler.openStreams() == 3);
        TestSubscriber<Tick> refused = TestSubscriber.of(ticker.endless());
        assertThat(refused.awaitDone(WAIT)).isTrue();
        assertThat(refused.error).isInstanceOf(StreamException.class).hasMessageContaining("Too many open streams");
        assertThat(((StreamException) refused.error).code()).isEqualTo(429);
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("condition not met within " + WAIT);
            Thread.sleep(10);
        }
    }

    /** The condition holds throughout a short while: the sender has had every chance to run ahead. */
    private static void assertStaysTrue(BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofMillis(300).toNanos();
        while (System.nanoTime() < until) {
            assertThat(condition.getAsBoolean()).isTrue();
            Thread.sleep(10);
        }
    }
}
