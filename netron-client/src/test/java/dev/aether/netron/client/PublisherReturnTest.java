package dev.aether.netron.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.netron.client.Library.Book;
import dev.aether.netron.protocol.Service;
import dev.aether.netron.protocol.error.TransportException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

/** A unary method declared to return a Flow.Publisher: one value, then completion, per subscriber. */
class PublisherReturnTest {
    private static final Book DUNE = new Book("Dune", 1965, List.of("Frank Herbert"));

    @Service("library@2.1.0")
    interface ReactiveLibrary {
        Flow.Publisher<Book> book(long id);

        Flow.Publisher<Optional<Book>> find(String title);
    }

    /** Notes every signal it receives, as text. */
    static final class Recorder<T> implements Flow.Subscriber<T> {
        final List<String> signals = new CopyOnWriteArrayList<>();
        final List<Object> values = new CopyOnWriteArrayList<>();
        final List<Throwable> errors = new CopyOnWriteArrayList<>();
        Flow.Subscription subscription;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            signals.add("subscribe");
        }

        @Override
        public void onNext(T item) {
            values.add(item);
            signals.add("next");
        }

        @Override
        public void onError(Throwable throwable) {
            errors.add(throwable);
            signals.add("error");
        }

        @Override
        public void onComplete() {
            signals.add("complete");
        }
    }

    private final FakeTransport transport = new FakeTransport().answering(call -> DUNE);
    private final ReactiveLibrary library = NetronClient.over(transport).service(ReactiveLibrary.class);

    @Test
    void theCallIsMadeOnTheFirstRequestThenTheValueAndCompletionArrive() {
        Flow.Publisher<Book> book = library.book(1);
        Recorder<Book> subscriber = new Recorder<>();

        book.subscribe(subscriber);
        assertThat(transport.invocations()).as("subscribing alone calls nothing").isEmpty();
        subscriber.subscription.request(1);

        assertThat(subscriber.signals).containsExactly("subscribe", "next", "complete");
        assertThat(subscriber.values).containsExactly(DUNE);
        assertThat(transport.invocations()).singleElement().satisfies(call -> assertThat(call.method()).isEqualTo("book"));
    }

    @Test
    void eachSubscriberMakesItsOwnCallAndLaterRequestsAskForNothingMore() {
        Flow.Publisher<Book> book = library.book(1);
        Recorder<Book> first = new Recorder<>();
        Recorder<Book> second = new Recorder<>();

        book.subscribe(first);
        book.subscribe(second);
        first.subscription.request(Long.MAX_VALUE);
        first.subscription.request(5);
        second.subscription.request(1);

        assertThat(transport.invocations()).hasSize(2);
        assertThat(first.values).containsExactly(DUNE);
        assertThat(second.values).containsExactly(DUNE);
    }

    @Test
    void anAbsentResultCompletesWithoutAValueOrAsAnEmptyOptional() {
        transport.answering(call -> null);
        Recorder<Book> book = new Recorder<>();
        Recorder<Optional<Book>> found = new Recorder<>();

        library.book(1).subscribe(book);
        library.find("nope").subscribe(found);
        book.subscription.request(1);
        found.subscription.request(1);

        assertThat(book.signals).containsExactly("subscribe", "complete");
        assertThat(found.values).containsExactly(Optional.empty());
    }

    @Test
    void aFailedCallIsSignalledAsTheServersErrorItself() {
        transport.answering(call -> {
            throw TransportException.unavailable("down");
        });
        Recorder<Book> subscriber = new Recorder<>();

        library.book(1).subscribe(subscriber);
        subscriber.subscription.request(1);

        assertThat(subscriber.signals).containsExactly("subscribe", "error");
        assertThat(subscriber.errors).singleElement().isInstanceOf(TransportException.class);
    }

    @Test
    void cancellingBeforeTheAnswerCancelsTheCallAndNothingMoreIsSignalled() throws Exception {
        transport.holding();
        Recorder<Book> subscriber = new Recorder<>();
        library.book(1).subscribe(subscriber);
        subscriber.subscription.request(1);
        FakeTransport.Pending pending = transport.nextPending();

        subscriber.subscription.cancel();
        pending.reply().complete(DUNE);

        assertThat(pending.reply()).isCancelled();
        assertThat(subscriber.signals).containsExactly("subscribe");
    }

    @Test
    void aRequestForNothingFailsTheSubscriptionWithoutCalling() {
        Recorder<Book> subscriber = new Recorder<>();
        library.book(1).subscribe(subscriber);

        subscriber.subscription.request(0);

        assertThat(subscriber.signals).containsExactly("subscribe", "error");
        assertThat(subscriber.errors).singleElement().satisfies(error -> assertThat(error).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3.9"));
        assertThat(transport.invocations()).isEmpty();
    }
}
