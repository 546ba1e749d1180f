package dev.aether.web.router;

import dev.aether.titan.Principal;
import dev.aether.web.PageRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The forms and fetchers of one live routed page, kept by its {@link Navigator}: the submission
 * being answered (a post whose fields need fixing renders the page again with them), the fetchers
 * by key, and the page's ways to move on after an action (revalidate its loaders, navigate). Used
 * on the page's session context.
 */
final class PageState {
    /** A post whose fields need fixing: the page is rendered again with them ({@code values} as sent) and the messages. */
    record Posted(String actionId, Map<String, String> values, Map<String, String> errors) {
        Posted {
            values = Map.copyOf(values);
            errors = Map.copyOf(errors);
        }
    }

    private final Navigator navigator;
    private final PageRequest request;
    private final Optional<Principal> principal;
    private final Optional<Posted> posted;
    private final Map<String, Fetcher<?>> fetchers = new HashMap<>();

    PageState(Navigator navigator, PageRequest request, Optional<Principal> principal, Optional<Posted> posted) {
        this.navigator = navigator;
        this.request = request;
        this.principal = principal;
        this.posted = posted;
    }

    /** Where the page's forms post: its URL now (a live navigation changes it). Tracked. */
    Supplier<String> url() {
        return () -> navigator.location().get();
    }

    PageRequest request() {
        return request;
    }

    /** What a loader run for this page is given besides its params (a fetcher's, say). */
    LoaderArgs.Shared loaderShared() {
        return navigator.loaderShared(request);
    }

    Optional<Principal> principal() {
        return principal;
    }

    /** After an action: its page's loaders run again ({@code only} those, or all when empty); completes on the session once they are in. */
    CompletableFuture<Void> revalidate(List<Loader<?, ?>> only) {
        return only.isEmpty() ? navigator.revalidate() : navigator.revalidate(only.toArray(Loader<?, ?>[]::new));
    }

    /**
     * Runs a submission of one of the page's own forms: the page's navigation state is
     * {@link Navigation.Submitting} (to the page's URL) until the action has answered and the
     * revalidation it started has set the loaders' values, for pending UI. A fetcher's submission
     * has its own state instead.
     */
    void submitting(Supplier<CompletableFuture<Void>> submission) {
        navigator.navigation(new Navigation.Submitting(navigator.location().peek()));
        CompletableFuture<Void> shown;
        try {
            shown = submission.get();
        } catch (RuntimeException e) {
            backToIdle();
            throw e;
        }
        shown.thenRun(this::backToIdle);   // completes on the session; cancelled when the session is gone
    }

    /** Idle again, unless the action moved the page on (a redirect's navigation owns the state then). */
    private void backToIdle() {
        if (navigator.navigation().peek() instanceof Navigation.Submitting) {
            navigator.navigation(Navigation.IDLE);
        }
    }

    /** After an action: the page goes to {@code location} (a live navigation, or a full load outside the tree). */
    void navigate(String location) {
        navigator.navigate(location);
    }

    <F extends Record> Form<F> form(Action<F> action) {
        Optional<Posted> mine = posted.filter(p -> p.actionId().equals(action.id()));
        return new Form<>(action, url(), mine, Form.direct(this));
    }

    @SuppressWarnings("unchecked")
    <T> Fetcher<T> fetcher(FetcherKey<T> key) {
        return (Fetcher<T>) fetchers.computeIfAbsent(key.name(), k -> new Fetcher<>(key, this));
    }
}
