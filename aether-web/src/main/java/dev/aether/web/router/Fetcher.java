package dev.aether.web.router;

import dev.aether.reactive.Reactive;
import dev.aether.reactive.ReactiveContext;
import dev.aether.reactive.Signal;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads or submits without navigating: the page stays, and the fetcher's own state says what it
 * is doing. Several run at once, each beside the page on a virtual thread; their results come back
 * to the page's session and show through signals. One per key and page
 * ({@link RouteContext#fetcher}), so any part of the page can read the state of one another part
 * started.
 *
 * <pre>{@code
 * static final FetcherKey<Quote> QUOTE = FetcherKey.named("quote");
 *
 * Fetcher<Quote> quote = ctx.fetcher(QUOTE);
 * button(on("click", () -> quote.load(QUOTE_LOADER, new QuoteParams("ASML"))), text("Load")),
 * show(() -> quote.state() == Fetcher.State.LOADING, () -> p(text("Loading…"))),
 * p(text(() -> quote.data().map(Quote::priceText).orElse("")))
 *
 * Form<Vote> vote = quote.form(VOTE);   // submitting it runs VOTE beside the page: quote.state() is SUBMITTING meanwhile
 * }</pre>
 *
 * <p>Without JavaScript a fetcher's form is an ordinary form: it posts, and the page loads again.
 * A load or submission started while one runs replaces it: the older one's result is dropped.
 *
 * @param <T> what its loads give
 */
public final class Fetcher<T> {
    private static final Logger LOG = LoggerFactory.getLogger(Fetcher.class);

    /** What a fetcher is doing. */
    public enum State { IDLE, LOADING, SUBMITTING }

    private final FetcherKey<T> key;
    private final PageState page;
    private final ReactiveContext context;
    private final Signal<State> state = Reactive.signal(State.IDLE);
    private final Signal<Optional<T>> data = Reactive.signal(Optional.empty());
    private final Signal<Optional<Throwable>> error = Reactive.signal(Optional.empty());
    private final Signal<Optional<Action.Outcome>> outcome = Reactive.signal(Optional.empty());
    private long generation;   // session context only: the latest load or submission

    Fetcher(FetcherKey<T> key, PageState page) {
        this.key = key;
        this.page = page;
        this.context = ReactiveContext.current();
    }

    public FetcherKey<T> key() {
        return key;
    }

    /** What it is doing (tracked). */
    public State state() {
        return state.get();
    }

    /** What its last load gave (tracked); empty before the first or after a failure. */
    public Optional<T> data() {
        return data.get();
    }

    /** Why its last load or submission failed (tracked). */
    public Optional<Throwable> error() {
        return error.get();
    }

    /** What its last submission's action answered (tracked). */
    public Optional<Action.Outcome> outcome() {
        return outcome.get();
    }

    /** Runs {@code loader} with {@code params} beside the page: {@link State#LOADING} until it is done, then its result in {@link #data()}. */
    public <P extends Record> void load(Loader<P, ? extends T> loader, P params) {
        long mine = start(State.LOADING);
        LoaderArgs<P> args = new LoaderArgs<>(params, page.loaderShared());
        Thread.ofVirtual().name("fetcher " + key.name()).start(() -> {
            try {
                T value = loader.run(args);
                finish(mine, () -> {
                    data.set(Optional.ofNullable(value));
                    error.set(Optional.empty());
                });
            } catch (Exception e) {
                LOG.warn("fetcher {}: {} failed", key.name(), loader, e);
                finish(mine, () -> {
                    data.set(Optional.empty());
                    error.set(Optional.of(e));
                });
            }
        });
    }

    /** A form whose submissions run {@code action} beside the page: {@link State#SUBMITTING} meanwhile, then its outcome shown. */
    public <F extends Record> Form<F> form(Action<F> action) {
        return new Form<>(action, page.url(), Optional.empty(), this::submit);
    }

    private void submit(Form<?> form, Map<String, String> fields) {
        long mine = start(State.SUBMITTING);
        Thread.ofVirtual().name("fetcher " + key.name()).start(() -> {
            try {
                Action.Outcome answer = form.action().submit(fields);
                finish(mine, () -> {
                    outcome.set(Optional.of(answer));
                    error.set(Optional.empty());
                    form.show(answer, fields, page);
                });
            } catch (Exception e) {
                LOG.warn("fetcher {}: {} failed", key.name(), form.action(), e);
                finish(mine, () -> error.set(Optional.of(e)));
            }
        });
    }

    private long start(State doing) {
        generation++;
        state.set(doing);
        return generation;
    }

    /** On the page's context: shows {@code result} unless a later load or submission started meanwhile. */
    private void finish(long mine, Runnable result) {
        try {
            context.post(() -> {
                if (mine != generation) {
                    return;
                }
                Reactive.batch(() -> {
                    result.run();
                    state.set(State.IDLE);
                });
            });
        } catch (RejectedExecutionException gone) {
            LOG.debug("fetcher {}: the page ended before its result came", key.name());
        }
    }

    @Override
    public String toString() {
        return "Fetcher[" + key.name() + ", " + state.peek() + "]";
    }
}
