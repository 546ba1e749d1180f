package dev.aether.netron.client.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Sends on a JDK WebSocket, which allows one outstanding send, from many threads at once. */
class OrderedSenderTest {
    private final FakeWebSocket socket = new FakeWebSocket();
    private final OrderedSender sender = new OrderedSender(socket);

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void aSendWaitsUntilThePreviousOneHasFinished() {
        CompletableFuture<Void> first = sender.binary(ascii("one"));
        CompletableFuture<Void> second = sender.text("two");

        assertThat(socket.sends).extracting(FakeWebSocket.Send::what).containsExactly("binary:one");
        assertThat(first).isNotDone();
        assertThat(second).isNotDone();

        socket.sends.get(0).done().complete(socket);

        assertThat(first).isCompleted();
        assertThat(socket.sends).extracting(FakeWebSocket.Send::what).containsExactly("binary:one", "text:two");
        socket.sends.get(1).done().complete(socket);
        assertThat(second).isCompleted();
    }

    @Test
    void aFailedSendFailsItsOwnFutureAndDoesNotStopTheNextOne() {
        CompletableFuture<Void> first = sender.binary(ascii("lost"));
        CompletableFuture<Void> second = sender.binary(ascii("kept"));

        socket.sends.get(0).done().completeExceptionally(new IOException("broken pipe"));

        assertThat(first).isCompletedExceptionally();
        assertThat(socket.sends).extracting(FakeWebSocket.Send::what).containsExactly("binary:lost", "binary:kept");
        socket.sends.get(1).done().complete(socket);
        assertThat(second).isCompleted();
    }

    @Test
    void sendsFromManyThreadsAllGoOutOneAtATimeWithoutRefusal() throws Exception {
        int threads = 8;
        int perThread = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Void>> sent = Collections.synchronizedList(new ArrayList<>());
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                pool.execute(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    for (int i = 0; i < perThread; i++) {
                        sent.add(sender.binary(ascii(thread + "-" + i)));
                    }
                });
            }
            start.countDown();
            // Acknowledge each send as it arrives, as the network would.
            for (int acked = 0; acked < threads * perThread; acked++) {
                socket.nextSend().done().complete(socket);
            }
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }

        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertThat(socket.sends).hasSize(threads * perThread);
        // Each thread's own messages keep their order.
        for (int t = 0; t < threads; t++) {
            String prefix = "binary:" + t + "-";
            List<Integer> order = socket.sends.stream().map(FakeWebSocket.Send::what).filter(w -> w.startsWith(prefix))
                    .map(w -> Integer.parseInt(w.substring(prefix.length()))).toList();
            assertThat(order).isSorted().hasSize(perThread);
        }
    }
}
