package dev.aether.netron.client.dedupe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aether.netron.client.FakeTransport;
import dev.aether.netron.client.Library;
import dev.aether.netron.client.Library.Book;
import dev.aether.netron.client.NetronClient;
import dev.aether.netron.protocol.error.TransportException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Concurrent identical calls share one request. */
class DeduplicationTest {
    private static final Book DUNE = new Book("Dune", 1965, List.of("Frank Herbert"));

    private final FakeTransport transport = new FakeTransport().holding();
    private final DeduplicationInterceptor dedupe = new DeduplicationInterceptor();
    private final NetronClient client = NetronClient.builder(transport).interceptor(dedupe).build().withOptions(o -> o.dedupe(true));

    @Test
    void aThousandConcurrentIdenticalCallsMakeOneRequestAndAllGetItsAnswer() throws Exception {
        Library library = client.service(Library.class);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<CompletableFuture<Book>>> callers = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 1000; i++) {
                callers.add(threads.submit(() -> {
                    start.await();
                    return library.bookLater(1);
                }));
            }
            start.countDown();
            List<CompletableFuture<Book>> answers = new ArrayList<>();
            for (Future<CompletableFuture<Book>> caller : callers) {
                answers.add(caller.get(10, TimeUnit.SECONDS));
            }

            transport.nextPending().reply().complete(DUNE);

            CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
            assertThat(answers).allSatisfy(answer -> assertThat(answer.join()).isEqualTo(DUNE));
        }
        assertThat(transport.invocations()).hasSize(1);
        assertThat(dedupe.inFlight()).isZero();
    }

    @Test
    void callsWithDifferentArgumentsAreNotShared() throws Exception {
        Library library = client.service(Library.class);
        library.bookLater(1);
        library.bookLater(2);

        assertThat(transport.invocations()).hasSize(2);
    }

    @Test
    void callsWithTheSameDedupeKeyShareOneRequestWhateverTheirArguments() {
        Library library = client.withOptions(o -> o.dedupe(false).dedupeKey("current-book")).service(Library.class);
        CompletableFuture<Book> first = library.bookLater(1);
        CompletableFuture<Book> second = library.bookLater(2);

        assertThat(transport.invocations()).hasSize(1);
        assertThat(second).isNotDone();
        assertThat(first).isNotDone();
    }

    @Test
    void callsForDifferentPrincipalsAreNotShared() {
        client.withPrincipal("ada").service(Library.class).bookLater(1);
        client.withPrincipal("bob").service(Library.class).bookLater(1);

        assertThat(transport.invocations()).hasSize(2);
    }

    @Test
    void callsThatDoNotAskForDeduplicationAreNotShared() {
        Library library = client.withOptions(o -> o.dedupe(false)).service(Library.class);
        library.bookLater(1);
        library.bookLater(1);

        assertThat(transport.invocations()).hasSize(2);
    }

    @Test
    void aCallMadeAfterTheAnswerArrivedMakesANewRequest() throws Exception {
        Library library = client.service(Library.class);
        CompletableFuture<Book> first = library.bookLater(1);
        transport.nextPending().reply().complete(DUNE);
        first.get(5, TimeUnit.SECONDS);

        library.bookLater(1);

        assertThat(transport.invocations()).hasSize(2);
    }

    @Test
    void aFailureReachesEveryCallerSharingTheRequest() throws Exception {
        Library library = client.service(Library.class);
        CompletableFuture<Book> first = library.bookLater(1);
        CompletableFuture<Book> second = library.bookLater(1);

        transport.nextPending().reply().completeExceptionally(TransportException.unavailable("connection refused"));

        assertThatThrownBy(first::get).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TransportException.class);
        assertThatThrownBy(second::get).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TransportException.class);
        assertThat(transport.invocations()).hasSize(1);
    }

    @Test
    void cancellingOneCallerLeavesTheOthersWaitingForTheSharedRequest() throws Exception {
        Library library = client.service(Library.class);
        CompletableFuture<Book> impatient = library.bookLater(1);
        CompletableFuture<Book> patient = library.bookLater(1);
        FakeTransport.Pending request = transport.nextPending();

        impatient.cancel(true);
        request.reply().complete(DUNE);

        assertThat(request.reply()).isNotCancelled();
        assertThat(patient.get(5, TimeUnit.SECONDS)).isEqualTo(DUNE);
    }
}
