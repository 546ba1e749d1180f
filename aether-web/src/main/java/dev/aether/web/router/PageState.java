package dev.aether.web.router;

import dev.aether.titan.Principal;
import dev.aether.web.BrowserLocation;
import dev.aether.web.PageRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every level of one rendered routed page shares: its URL (where its forms post), the
 * submission being answered (a post whose fields need fixing), its fetchers by key, and how to
 * reach the browser and run the page's loaders again. Lives as long as the page; used on the
 * page's session context.
 */
final class PageState {
    /** A post whose fields need fixing: the page is rendered again with them ({@code values} as sent) and the messages. */
    record Posted(String actionId, Map<String, String> values, Map<String, String> errors) {
        Posted {
            values = Map.copyOf(values);
            errors = Map.copyOf(errors);
        }
    }

    /** Runs loaders of the page again, after an action: {@code only} those, or every one when empty. */
    @FunctionalInterface
    interface Revalidator {
        Revalidator NONE = only -> { };

        void revalidate(List<Loader<?, ?>> only);
    }

    private final String url;
    private final PageRequest request;
    private final Optional<Principal> principal;
    private final Optional<Posted> posted;
    private final BrowserLocation browser;
    private final Revalidator revalidator;
    private final Map<String, Fetcher<?>> fetchers = new HashMap<>();

    PageState(String url, PageRequest request, Optional<Principal> principal, Optional<Posted> posted, BrowserLocation browser,
              Revalidator revalidator) {
        this.url = url;
        this.request = request;
        this.principal = principal;
        this.posted = posted;
        this.browser = browser;
        this.revalidator = revalidator;
    }

    String url() {
        return url;
    }

    PageRequest request() {
        return request;
    }

    Optional<Principal> principal() {
        return principal;
    }

    BrowserLocation browser() {
        return browser;
    }

    void revalidate(List<Loader<?, ?>> only) {
        revalidator.revalidate(only);
    }

    <F extends Record> Form<F> form(Action<F> action) {
        Optional<Posted> mine = posted.filter(p -> p.actionId().equals(action.id()));
        return new Form<>(action, url, mine, Form.direct(this));
    }

    @SuppressWarnings("unchecked")
    <T> Fetcher<T> fetcher(FetcherKey<T> key) {
        return (Fetcher<T>) fetchers.computeIfAbsent(key.name(), k -> new Fetcher<>(key, this));
    }
}
