package dev.aether.web.router;

/**
 * Where a live page's navigation stands, for pending UI: idle, loading the next page's data, or
 * submitting a form. Read it as a signal with {@link RouteContext#navigation()}; while it is not
 * idle the runtime also marks the document ({@code <html data-ae-navigating aria-busy="true">}).
 *
 * <pre>{@code
 * div(classIf("dimmed", () -> !(ctx.navigation().get() instanceof Navigation.Idle)), outlet)
 * text(() -> ctx.navigation().get() instanceof Navigation.Loading l ? "Opening " + l.location() : "")
 * }</pre>
 */
public sealed interface Navigation {
    /** Nothing under way. */
    record Idle() implements Navigation {
    }

    /** The loaders of {@code location} (path and query) are running; the page changes when they are done. */
    record Loading(String location) implements Navigation {
    }

    /**
     * One of the page's own forms was submitted live to {@code location}: its action runs, then
     * the loaders it revalidates (a fetcher's submission has the fetcher's own state instead).
     */
    record Submitting(String location) implements Navigation {
    }

    /** The one idle value. */
    Navigation IDLE = new Idle();
}
