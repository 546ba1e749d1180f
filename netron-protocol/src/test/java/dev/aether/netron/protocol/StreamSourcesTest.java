package dev.aether.netron.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.netron.protocol.stream.StreamSources;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Pulled sources (a Stream or an Iterator returned by a method) learn that nobody reads them any more. */
class StreamSourcesTest {

    @Test
    void aCancelledStreamIsClosedEvenWhenNoNextWasRunning() throws InterruptedException {
        AtomicInteger closes = new AtomicInteger();
        Reader reader = new Reader();
        StreamSources.publisherOf(Stream.of(1, 2, 3).onClose(closes::incrementAndGet)).subscribe(reader);

        reader.take(1);
        reader.subscription.cancel();

        assertThat(reader.items).containsExactly(1);
        assertThat(closes).hasValue(1);
    }

    @Test
    void aCancelledIteratorThatIsAutoCloseableIsClosed() throws InterruptedException {
        ClosingIterator source = new ClosingIterator();
        Reader reader = new Reader();
        StreamSources.publisherOf(source).subscribe(reader);

        reader.take(1);
        reader.subscription.cancel();

        assertThat(source.closes).hasValue(1);
    }

    @Test
    void anAutoCloseableIteratorIsClosedOnceWhenItEnds() throws InterruptedException {
        ClosingIterator source = new ClosingIterator();
        source.last = 2;
        Reader reader = new Reader();
        StreamSources.publisherOf(source).subscribe(reader);

        reader.subscription.request(5);
        assertThat(reader.ended.await(5, TimeUnit.SECONDS)).isTrue();
        reader.subscription.cancel();

        assertThat(reader.items).containsExactly(1, 2);
        assertThat(source.closes).hasValue(1);
    }

    /** Counts 1, 2, 3… up to {@code last}; counts its closes. */
    private static final class ClosingIterator implements Iterator<Integer>, AutoCloseable {
        final AtomicInteger closes = new AtomicInteger();
        int last = Integer.MAX_VALUE;
        int at;

        @Override
        public boolean hasNext() {
            return at < last;
        }

        @Override
        public Integer next() {
            return ++at;
        }

        @Override
        public void close() {
            closes.incrementAndGet();
        }
    }

    private static final class Reader implements Flow.Subscriber<Object> {
        final List<Object> items = new CopyOnWriteArrayList<>();
        final CountDownLatch ended = new CountDownLatch(1);
        final java.util.concurrent.Semaphore arrived = new java.util.concurrent.Semaphore(0);
        Flow.Subscription subscription;

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
        }

        /** Requests {@code n} items and waits until they are here. */
        void take(int n) throws InterruptedException {
            subscription.request(n);
            assertThat(arrived.tryAcquire(n, 5, TimeUnit.SECONDS)).isTrue();
        }

        @Override
        public void onNext(Object item) {
            items.add(item);
            arrived.release();
        }

        @Override
        public void onError(Throwable failure) {
            ended.countDown();
        }

        @Override
        public void onComplete() {
            ended.countDown();
        }
    }
}
