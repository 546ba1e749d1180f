package dev.aether.web.router;

import java.util.Objects;

/**
 * Names a {@link Fetcher} of a page, with the type of what it loads: declared once as a constant,
 * read anywhere on the page with {@link RouteContext#fetcher}, so every part that names it sees the
 * same fetcher and its state.
 *
 * <pre>{@code
 * static final FetcherKey<Quote> QUOTE = FetcherKey.named("quote");
 * Fetcher<Quote> quote = ctx.fetcher(QUOTE);
 * }</pre>
 *
 * @param <T> what the fetcher's loads give
 */
public final class FetcherKey<T> {
    private final String name;

    private FetcherKey(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    public static <T> FetcherKey<T> named(String name) {
        return new FetcherKey<>(name);
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return "FetcherKey[" + name + "]";
    }
}
