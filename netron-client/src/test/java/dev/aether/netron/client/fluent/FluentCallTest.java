package dev.aether.netron.client.fluent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aether.netron.client.FakeTransport;
import dev.aether.netron.client.Library;
import dev.aether.netron.client.Library.Book;
import dev.aether.netron.client.NetronClient;
import dev.aether.netron.client.cache.CacheInterceptor;
import dev.aether.netron.client.cache.ResponseCache;
import dev.aether.netron.client.call.CachePolicy;
import dev.aether.netron.client.call.Call;
import dev.aether.netron.client.call.CallOptions;
import dev.aether.netron.client.call.Priority;
import dev.aether.netron.protocol.error.TransportException;
import dev.aether.netron.protocol.error.ValidationException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Fluent calls against the fake transport: options per call, and what happens to the result. */
class FluentCallTest {
    private static final Book DUNE = new Book("Dune", 1965, List.of("Frank Herbert"));
    private static final Book EMMA = new Book("Emma", 1815, List.of("Jane Austen"));
    private static final CachePolicy BOOK_42 = CachePolicy.maxAge(Duration.ofMinutes(5)).key("book:42").tags("books");

    private final FakeTransport transport = new FakeTransport().answering(call -> switch (call.method()) {
        case "count" -> 3;
        case "shelf" -> List.of(DUNE);
        default -> DUNE;
    });
    private final ResponseCache cache = ResponseCache.create();
    private final List<Call> seen = new CopyOnWriteArrayList<>();
    private final NetronClient client = NetronClient.builder(transport)
            .defaults(CallOptions.builder().timeout(Duration.ofSeconds(10)).build())
            .interceptor(new CacheInterceptor(cache))
            .interceptor(chain -> {
                seen.add(chain.call());
                return chain.proceed(chain.call());
            })
            .build();

    @Test
    void aMethodReferencePicksTheMethodAndTheLambdaItsArguments() {
        assertThat(client.fluent(Library.class).<Book>call(library -> library.book(42))).isEqualTo(DUNE);
        int count = client.fluent(Library.class).call(Library::count);
        assertThat(count).isEqualTo(3);

        assertThat(transport.invocations().getFirst().method()).isEqualTo("book");
        assertThat(transport.invocations().getFirst().arguments()).containsExactly(42L);
        assertThat(transport.invocations().getFirst().service()).isEqualTo("library@2.1.0");
    }

    @Test
    void perCallOptionsOverrideTheClientDefaultsAndLeaveThemAlone() {
        FluentCall<Library> base = client.fluent(Library.class);
        FluentCall<Library> urgent = base.timeout(Duration.ofSeconds(2)).priority(Priority.HIGH).dedupe("the-book").idempotent(true);

        urgent.call(library -> library.book(1));
        base.call(library -> library.book(1));

        assertThat(seen.get(0).options().timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(seen.get(0).options().priority()).isEqualTo(Priority.HIGH);
        assertThat(seen.get(0).options().dedupeKey()).isEqualTo("the-book");
        assertThat(seen.get(0).options().idempotent()).isTrue();
        assertThat(seen.get(1).options()).isEqualTo(client.defaults());
        assertThat(transport.invocations().get(0).timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(transport.invocations().get(1).timeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aLambdaThatCallsNoMethodOrTwoIsRefused() {
        assertThatThrownBy(() -> client.fluent(Library.class).call(library -> "nothing"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exactly one method").hasMessageContaining("called 0");
        assertThatThrownBy(() -> client.fluent(Library.class).call(library -> library.count() + library.count()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("called 2");
        assertThat(transport.invocations()).isEmpty();
    }

    @Test
    void aFutureMethodIsRefusedWithTheWayToCallItAsynchronously() {
        assertThatThrownBy(() -> client.fluent(Library.class).calling(library -> library.bookLater(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("callAsync()");
    }

    @Test
    void callAsyncCompletesWithTheResult() {
        assertThat(client.fluent(Library.class).callAsync(library -> library.book(1))).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(DUNE);
    }

    @Test
    void anAbsentResultIsAnEmptyOptional() {
        transport.answering(call -> null);
        assertThat(client.fluent(Library.class).<Optional<Book>>call(library -> library.find("nope"))).isEqualTo(Optional.empty());
    }

    @Test
    void aCachedCallIsAnsweredFromTheCacheTheSecondTimeAndMetricsSayItWasAHit() {
        List<CallMetrics> metrics = new CopyOnWriteArrayList<>();
        FluentCall<Library> cached = client.fluent(Library.class).cache(Duration.ofMinutes(1)).metrics(metrics::add);

        cached.call(library -> library.book(1));
        cached.call(library -> library.book(1));

        assertThat(transport.invocations()).hasSize(1);
        assertThat(metrics).extracting(CallMetrics::cacheHit).containsExactly(false, true);
        assertThat(metrics).allSatisfy(m -> {
            assertThat(m.method()).isEqualTo("book");
            assertThat(m.succeeded()).isTrue();
        });
    }

    @Test
    void transformAndValidateRunInTheOrderWritten() {
        String title = client.fluent(Library.class).calling(library -> library.book(1))
                .validate(book -> book.year() == 1965)
                .transform(Book::title)
                .transform(String::toUpperCase)
                .validate(upper -> upper.startsWith("D"))
                .call();

        assertThat(title).isEqualTo("DUNE");
    }

    @Test
    void aResultValidationRefusesFailsWithTheReferences400() {
        FluentMethod<Library, Book> strict = client.fluent(Library.class).calling(library -> library.book(1)).validate(book -> book.year() > 2000);

        assertThatThrownBy(strict::call).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.code()).isEqualTo(400);
            assertThat(e.getMessage()).isEqualTo("Response validation failed");
            assertThat(e.details()).containsEntry("method", "book");
        });
    }

    @Test
    void aFallbackAnswersInsteadOfTheErrorAndSeesTheErrorItself() {
        transport.answering(call -> {
            throw TransportException.unavailable("down");
        });
        AtomicReference<Throwable> seenError = new AtomicReference<>();

        Book book = client.fluent(Library.class).calling(library -> library.book(1))
                .fallback(error -> {
                    seenError.set(error);
                    return EMMA;
                })
                .call();

        assertThat(book).isEqualTo(EMMA);
        assertThat(seenError.get()).isInstanceOf(TransportException.class);
        assertThat(client.fluent(Library.class).calling(library -> library.book(1)).transform(Book::title).fallback("none").call())
                .isEqualTo("none");
    }

    @Test
    void anOptimisticGuessIsCachedAtOnceThenReplacedByTheServersAnswer() throws Exception {
        transport.holding();
        FluentCall<Library> bookOne = client.fluent(Library.class).cache(BOOK_42);

        CompletableFuture<Book> saved = bookOne.calling(library -> library.book(42)).optimistic(EMMA).callAsync();

        assertThat(bookOne.<Book>call(library -> library.book(42))).as("readers see the guess while the call runs").isEqualTo(EMMA);
        transport.nextPending().reply().complete(DUNE);
        assertThat(saved).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(DUNE);
        assertThat(bookOne.<Book>call(library -> library.book(42))).isEqualTo(DUNE);
        assertThat(transport.invocations()).as("the optimistic call went past its own guess; the reads were hits").hasSize(1);
    }

    @Test
    void anOptimisticGuessIsRolledBackToThePreviousValueWhenTheCallFails() throws Exception {
        FluentCall<Library> bookOne = client.fluent(Library.class).cache(BOOK_42);
        bookOne.call(library -> library.book(42));  // DUNE cached
        transport.holding();

        CompletableFuture<Book> saved = bookOne.calling(library -> library.book(42)).optimistic(EMMA).callAsync();
        assertThat(bookOne.<Book>call(library -> library.book(42))).isEqualTo(EMMA);
        transport.nextPending().reply().completeExceptionally(TransportException.unavailable("lost"));

        assertThat(saved).failsWithin(Duration.ofSeconds(5));
        assertThat(bookOne.<Book>call(library -> library.book(42))).isEqualTo(DUNE);
        assertThat(cache.stats().sizeBytes()).as("the size accounting survives the rollback").isPositive();
    }

    @Test
    void anOptimisticGuessWithNothingBeforeIsDroppedWhenTheCallFails() throws Exception {
        transport.holding();
        FluentCall<Library> bookOne = client.fluent(Library.class).cache(BOOK_42);

        CompletableFuture<Book> saved = bookOne.calling(library -> library.book(42)).optimistic(EMMA).callAsync();
        transport.nextPending().reply().completeExceptionally(TransportException.unavailable("lost"));

        assertThat(saved).failsWithin(Duration.ofSeconds(5));
        assertThat(cache.stats().entries()).isZero();
        assertThat(cache.stats().sizeBytes()).isZero();
    }

    @Test
    void optimisticNeedsACachePolicyAndComesBeforeTransform() {
        assertThatThrownBy(() -> client.fluent(Library.class).calling(library -> library.book(1)).optimistic(EMMA))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cache policy");
        assertThatThrownBy(() -> client.fluent(Library.class).cache(BOOK_42).calling(library -> library.book(1))
                .transform(book -> book).optimistic(EMMA))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("before transform");
    }

    @Test
    void invalidateOnDropsTheTaggedEntriesWhenTheCallSucceeds() {
        FluentCall<Library> books = client.fluent(Library.class).cache(BOOK_42);
        books.call(library -> library.book(42));

        client.fluent(Library.class).invalidateOn("books").call(library -> library.book(7));

        assertThat(cache.stats().entries()).isZero();
    }

    @Test
    void invalidateOnLeavesTheCacheAloneWhenTheCallFails() {
        client.fluent(Library.class).cache(BOOK_42).call(library -> library.book(42));
        transport.answering(call -> {
            throw TransportException.unavailable("down");
        });

        assertThatThrownBy(() -> client.fluent(Library.class).invalidateOn("books").call(library -> library.book(7)))
                .isInstanceOf(TransportException.class);
        assertThat(cache.stats().entries()).isEqualTo(1);
    }

    @Test
    void theClientInvalidatesItsCacheByPrefixRegexAndTags() {
        FluentCall<Library> cached = client.fluent(Library.class).cache(Duration.ofMinutes(1));
        cached.call(library -> library.book(1));
        cached.call(library -> library.book(2));
        cached.call(library -> library.shelf("sf"));

        assertThat(client.invalidate("library@2.1.0:book:[1]")).isEqualTo(1);
        assertThat(client.invalidate(Pattern.compile(".*:book:.*"))).isEqualTo(1);
        assertThat(client.invalidate("library@2.1.0:*")).isEqualTo(1);
        cached.call(library -> library.book(1));
        assertThat(client.invalidateTags("library@2.1.0:book")).isEqualTo(1);
        assertThat(cache.stats().entries()).isZero();
    }
}
