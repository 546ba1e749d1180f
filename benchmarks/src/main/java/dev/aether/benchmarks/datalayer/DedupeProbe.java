package dev.aether.benchmarks.datalayer;

import dev.aether.netron.client.NetronClient;
import dev.aether.netron.client.dedupe.DeduplicationInterceptor;
import dev.aether.netron.client.fluent.FluentCall;
import dev.aether.netron.client.http.HttpTransport;
import dev.aether.netron.protocol.Public;
import dev.aether.titan.Titan;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Deduplication on a real Titan over HTTP on 127.0.0.1: N concurrent identical calls (from N
 * virtual threads, released together) while the server holds the first one; prints how many
 * calls reached the service and how long until every caller had its answer. Exits non-zero if
 * more than one call reached the service or any caller got a wrong answer.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.aether.benchmarks.datalayer.DedupeProbe 1000
 * }</pre>
 */
public final class DedupeProbe {
    /** Holds every call until released, counting them. */
    public static final class HeldCatalog implements Catalog {
        final AtomicInteger calls = new AtomicInteger();
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch first = new CountDownLatch(1);

        @Public
        @Override
        public Item item(long id) {
            calls.incrementAndGet();
            return new Item(id, "item " + id, 1);
        }

        @Public
        @Override
        public Item heldItem(long id) {
            calls.incrementAndGet();
            first.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Item(id, "item " + id, 1);
        }
    }

    private DedupeProbe() {
    }

    public static void main(String[] args) throws Exception {
        int callers = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        HeldCatalog service = new HeldCatalog();
        Titan titan = Titan.builder().host("127.0.0.1").port(0).service(service).build().start();
        try (NetronClient client = NetronClient.builder(new HttpTransport(titan.httpUri()))
                .interceptor(new DeduplicationInterceptor()).build();
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            FluentCall<Catalog> deduped = client.fluent(Catalog.class).dedupe();
            CountDownLatch go = new CountDownLatch(1);
            CountDownLatch issued = new CountDownLatch(callers);
            List<CompletableFuture<Catalog.Item>> answers = new ArrayList<>();
            List<java.util.concurrent.Future<?>> started = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                CompletableFuture<Catalog.Item> answer = new CompletableFuture<>();
                answers.add(answer);
                started.add(threads.submit(() -> {
                    go.await();
                    deduped.callAsync(catalog -> catalog.heldItem(7)).whenComplete((item, error) -> {
                        if (error != null) {
                            answer.completeExceptionally(error);
                        } else {
                            answer.complete(item);
                        }
                    });
                    issued.countDown();
                    return null;
                }));
            }
            long start = System.nanoTime();
            go.countDown();
            issued.await(60, TimeUnit.SECONDS);
            service.first.await(60, TimeUnit.SECONDS);
            service.release.countDown();
            CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            boolean allRight = answers.stream().allMatch(answer -> answer.join().id() == 7);
            System.out.printf("%d concurrent identical calls -> %d server call(s); all %d answered (correct: %b) in %d ms%n",
                    callers, service.calls.get(), callers, allRight, millis);
            if (service.calls.get() != 1 || !allRight) {
                System.exit(1);
            }
        } finally {
            titan.stop();
        }
    }
}
