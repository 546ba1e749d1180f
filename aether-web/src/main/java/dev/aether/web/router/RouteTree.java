package dev.aether.web.router;

import dev.aether.netron.client.NetronClient;
import dev.aether.reactive.Reactive;
import dev.aether.titan.Principal;
import dev.aether.web.ActionResult;
import dev.aether.web.Page;
import dev.aether.web.PageRequest;
import dev.aether.web.html.Node;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static dev.aether.web.html.Html.*;

/**
 * The pages of a site as a tree: layouts nest, and a URL renders the chain of levels it matched,
 * outermost layout first, each around the next ({@code outlet}), the page innermost. The most
 * specific page pattern wins ({@link PathPattern#SPECIFICITY}), whatever the declaration order. A
 * URL whose pattern matches but whose values do not convert (letters for an {@code int}) is a 404;
 * a URL no pattern matches is not the tree's (it goes on to Netron's routes); add a page at
 * {@code /*rest} for a site-wide 404 page.
 *
 * <p>On a GET the loaders of every matched level run in parallel; a failure (a loader's, or a
 * view's) shows the error boundary of the nearest level at or above the failing one, and the
 * levels above it render as usual. Without any boundary the page is a 500.
 *
 * <pre>{@code
 * RouteTree tree = RouteTree.builder()
 *         .layout(Level.layout(Route.of("/"), (ctx, outlet) -> div(nav(a(attr("href", "/"), text("Home"))), main(outlet)))
 *                         .errorBoundary(error -> p(text("Something failed."))),
 *                 site -> site
 *                         .page(Level.page(Route.of("/"), "Home", ctx -> h1(text("Welcome"))))
 *                         .page(Level.page(USER_ROUTE, "User", ctx -> h1(text(ctx.data(USER).name()))).loader(USER)))
 *         .redirect("/people/:id", "/users", 301)
 *         .build();
 * AetherWeb web = AetherWeb.builder().routes(tree).build();
 * }</pre>
 */
public final class RouteTree {
    private static final Logger LOG = LoggerFactory.getLogger(RouteTree.class);

    /** What a URL leads to. */
    public sealed interface Resolution {
        /** The matched levels, outermost first, and the path params read from the URL (decoded, not yet converted). */
        record Chain(List<Level<?>> levels, Map<String, String> pathParams) implements Resolution {
            public Chain {
                levels = List.copyOf(levels);
                pathParams = Map.copyOf(pathParams);
            }
        }

        /** Answer with a redirect to {@code location}. */
        record Redirect(String location, int status) implements Resolution {
        }
    }

    private final PathMatcher<Resolution> matcher;
    private final Function<PageRequest, Optional<Principal>> principal;
    private final Duration loaderDeadline;
    private final Function<PageRequest, Page> notFound;
    private final Duration deferredDeadline;
    private final NetronClient client;
    private final ErrorPage errorPage;

    /**
     * The page a tree answers with, as a 500, when one of its pages fails with no error
     * boundary to show it. It is given the error id the failure was logged under; it should
     * show that id and nothing of the failure.
     */
    @FunctionalInterface
    public interface ErrorPage {
        Page render(PageRequest request, String errorId);
    }

    private RouteTree(Builder b) {
        List<PathMatcher.Entry<Resolution>> entries = new ArrayList<>();
        for (List<Level<?>> chain : b.root.chains) {
            PathPattern leaf = chain.getLast().route().pattern();
            entries.add(new PathMatcher.Entry<>(leaf, new Resolution.Chain(chain, Map.of())));
        }
        b.redirects.forEach(r -> entries.add(new PathMatcher.Entry<>(r.pattern(), r.to())));
        this.matcher = PathMatcher.of(entries);
        this.principal = b.principal;
        this.loaderDeadline = b.loaderDeadline;
        this.notFound = b.notFound;
        this.deferredDeadline = b.deferredDeadline;
        this.client = b.client;
        this.errorPage = b.errorPage;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The page for a failed page of this tree, if it has one ({@link Builder#errorPage}): the web layer's hook. */
    public Optional<ErrorPage> errorPage() {
        return Optional.ofNullable(errorPage);
    }

    /** The patterns served, most specific first: the order a URL is tried against them. */
    public List<PathPattern> patterns() {
        return matcher.patterns();
    }

    /** What {@code rawPath} (as sent, percent-encoded, no query) leads to; empty when it is not this tree's. */
    public Optional<Resolution> resolve(String rawPath) {
        return RequestPath.parse(rawPath).flatMap(matcher::match).map(m -> switch (m.value()) {
            case Resolution.Chain c -> new Resolution.Chain(c.levels(), m.params());
            case Resolution.Redirect r -> r;
        });
    }

    /**
     * How a GET of {@code rawPath} is answered, or empty when it is not this tree's: the web
     * layer's hook, called by {@code AetherWeb}. The answer runs the loaders, so call it once per
     * request.
     */
    public Optional<Function<PageRequest, ActionResult>> handlerFor(String rawPath) {
        return resolve(rawPath).map(resolution -> switch (resolution) {
            case Resolution.Redirect r -> request -> ActionResult.redirect(r.location(), r.status());
            case Resolution.Chain chain -> request -> answer(chain, request);
        });
    }

    private ActionResult answer(Resolution.Chain chain, PageRequest request) {
        List<Level<?>> levels = chain.levels();
        List<Record> params = new ArrayList<>();
        List<LoaderResults.Task<?>> first = new ArrayList<>();    // hold the page back
        List<LoaderResults.Task<?>> later = new ArrayList<>();    // at and below the first level with a loading view
        int streamedFrom = levels.size();
        for (int i = 0; i < levels.size(); i++) {
            Level<?> level = levels.get(i);
            Optional<? extends Record> read = level.route().parse(chain.pathParams(), request.queryParameters());
            if (read.isEmpty()) {
                return new ActionResult.Show(notFound.apply(request), 404);   // /users/abc for /users/:id (a long)
            }
            params.add(read.get());
            if (level.loadingView() != null && streamedFrom == levels.size()) {
                streamedFrom = i;
            }
            addTasks(level, read.get(), i < streamedFrom ? first : later);
        }
        DeferredWork work = new DeferredWork(deferredDeadline);
        LoaderArgs.Shared shared = new LoaderArgs.Shared(request, principal.apply(request), client, work);
        Map<Loader<?, ?>, LoaderResults.Outcome> results;
        try {
            results = LoaderResults.run(first, shared, loaderDeadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            work.cancelAll();
            throw new IllegalStateException("interrupted while loading " + request.path(), e);
        }
        Deferred<Map<Loader<?, ?>, LoaderResults.Outcome>> rest = later.isEmpty() ? null   // nothing to wait for below
                // LoaderResults fails each loader at loaderDeadline itself; this deadline only bounds the wait
                : work.start("loaders of " + levels.get(streamedFrom), loaderDeadline.plusSeconds(5),
                        () -> LoaderResults.run(later, shared, loaderDeadline));
        Rendering rendering = new Rendering(levels, params, request, rest, streamedFrom);
        String title = levels.getLast().title();
        return ActionResult.show(Page.of(title, () -> {
            Reactive.onCleanup(work::cancelAll);   // the page is gone: so is the work it started
            return rendering.level(0, results, null, null).main();
        }));
    }

    @SuppressWarnings("unchecked")
    private static <P extends Record> void addTasks(Level<P> level, Record params, List<LoaderResults.Task<?>> tasks) {
        for (Loader<P, ?> loader : level.loaders()) {
            tasks.add(new LoaderResults.Task<>(loader, (P) params));
        }
    }

    /** A level rendered: its node for the outlet of the level above, and the named outlets it fills there. */
    private record Rendered(Node main, Map<String, Node> fills) {
    }

    /**
     * One GET's chain of levels, rendered outermost first. The loaders of the levels from
     * {@code streamedFrom} down are {@code rest}, still running when the page starts (null when
     * no level has a loading view).
     */
    private record Rendering(List<Level<?>> levels, List<Record> params, PageRequest request,
                             Deferred<Map<Loader<?, ?>, LoaderResults.Outcome>> rest, int streamedFrom) {

        /**
         * Level {@code i} around everything below it; a failure here or below without a boundary
         * shows this level's boundary. {@code boundaryAbove} and {@code loadingAbove} are the
         * nearest of the levels above (null: none).
         */
        Rendered level(int i, Map<Loader<?, ?>, LoaderResults.Outcome> results, Level.ErrorView boundaryAbove,
                       Supplier<? extends Node> loadingAbove) {
            Level<?> level = levels.get(i);
            if (i == streamedFrom && rest != null && !results.keySet().containsAll(level.loaders())) {
                return new Rendered(whileLoading(level, results, boundaryAbove), Map.of());
            }
            Level.ErrorView boundary = level.errorBoundaryView() != null ? level.errorBoundaryView() : boundaryAbove;
            try {
                failureOf(level, results);
                Supplier<? extends Node> loading = loadingOf(level, results, loadingAbove);
                Rendered child = i + 1 < levels.size() ? level(i + 1, results, boundary, loading) : new Rendered(null, Map.of());
                RouteContext.Around around = new RouteContext.Around(boundary, loading, child.fills());
                return renderLevel(level, params.get(i), results, around, child.main());
            } catch (RuntimeException e) {
                if (level.errorBoundaryView() == null) {
                    throw e;
                }
                LOG.warn("{} of {} failed; showing its error boundary", level, request.path(), e);
                return new Rendered(level.errorBoundaryView().render(e), Map.of());
            }
        }

        /** Level {@code i}'s loading view, then the level once {@link #rest} is done: one Suspense boundary, streamed. */
        private Node whileLoading(Level<?> level, Map<Loader<?, ?>, LoaderResults.Outcome> results, Level.ErrorView boundaryAbove) {
            Map<Loader<?, ?>, LoaderResults.Outcome> soFar = new HashMap<>(results);
            for (int j = streamedFrom; j < levels.size(); j++) {
                for (Loader<?, ?> pending : levels.get(j).loaders()) {
                    soFar.put(pending, new LoaderResults.Outcome.Failed(new IllegalStateException(
                            pending + " is still loading: read it in the level's view, not in its loading view")));
                }
            }
            Level.ErrorView errorView = boundaryAbove != null ? boundaryAbove : RouteTree::streamedLevelFailed;
            return new Await<>(rest, loaded -> {
                Map<Loader<?, ?>, LoaderResults.Outcome> all = new HashMap<>(results);
                all.putAll(loaded);
                return level(streamedFrom, all, boundaryAbove, null).main();
            }, () -> loadingNode(level, soFar), errorView);
        }

        @SuppressWarnings("unchecked")
        private <P extends Record> Node loadingNode(Level<P> level, Map<Loader<?, ?>, LoaderResults.Outcome> soFar) {
            return level.loadingView().render(new RouteContext<>((P) params.get(streamedFrom), request, soFar));
        }

        @SuppressWarnings("unchecked")
        private <P extends Record> Supplier<? extends Node> loadingOf(Level<P> level, Map<Loader<?, ?>, LoaderResults.Outcome> results,
                                                                   Supplier<? extends Node> loadingAbove) {
            if (level.loadingView() == null) {
                return loadingAbove;
            }
            P p = (P) params.get(levels.indexOf(level));
            return () -> level.loadingView().render(new RouteContext<>(p, request, results));
        }

        @SuppressWarnings("unchecked")
        private <P extends Record> Rendered renderLevel(Level<P> level, Record params, Map<Loader<?, ?>, LoaderResults.Outcome> results,
                                                        RouteContext.Around around, Node outlet) {
            RouteContext<P> ctx = new RouteContext<>((P) params, request, results, around);
            Node main = level.render(ctx, outlet);
            Map<String, Node> fills = new LinkedHashMap<>();
            level.fills().forEach((name, view) -> fills.put(name, view.render(ctx)));
            return new Rendered(main, fills);
        }
    }

    private static void failureOf(Level<?> level, Map<Loader<?, ?>, LoaderResults.Outcome> results) {
        for (Loader<?, ?> loader : level.loaders()) {
            if (results.get(loader) instanceof LoaderResults.Outcome.Failed failed) {
                throw new LoaderFailedException(loader.name(), failed.error());
            }
        }
    }

    /** Shown for a streamed level that failed with no error boundary above it: the page's shell is already sent. */
    private static Node streamedLevelFailed(Throwable error) {
        String id = error instanceof DeferredFailedException d ? " (error id " + d.errorId() + ")" : "";
        return p(attr("role", "alert"), text("This part of the page could not be loaded" + id + "."));
    }

    private static Page defaultNotFound(PageRequest request) {
        return Page.of("Not found", () -> main(h1(text("Not found")), p(text("Nothing is at " + request.path() + "."))));
    }

    /** Declares the levels under one layout (or at the top). */
    public static final class Children {
        private final List<Level<?>> ancestors;
        private final List<List<Level<?>>> chains = new ArrayList<>();

        private Children(List<Level<?>> ancestors) {
            this.ancestors = ancestors;
        }

        /** A page here: its pattern starts with every enclosing layout's. */
        public Children page(Level<?> page) {
            if (page.isLayout()) {
                throw new IllegalArgumentException(page + " is a layout: declare it with layout(level, children)");
            }
            checkNested(page);
            List<Level<?>> chain = new ArrayList<>(ancestors);
            chain.add(page);
            chains.add(List.copyOf(chain));
            return this;
        }

        /** A layout here, and the levels inside it. */
        public Children layout(Level<?> layout, Consumer<Children> children) {
            if (!layout.isLayout()) {
                throw new IllegalArgumentException(layout + " is a page: declare it with page(level)");
            }
            checkNested(layout);
            for (PathPattern.Segment s : layout.route().pattern().segments()) {
                if (!(s instanceof PathPattern.Segment.Static || s instanceof PathPattern.Segment.Param)) {
                    throw new IllegalArgumentException("layout " + layout.route().pattern()
                            + " may only have static and :param segments (its children add the rest)");
                }
            }
            List<Level<?>> inner = new ArrayList<>(ancestors);
            inner.add(layout);
            Children nested = new Children(List.copyOf(inner));
            children.accept(nested);
            if (nested.chains.isEmpty()) {
                throw new IllegalArgumentException("layout " + layout.route().pattern() + " has no pages");
            }
            chains.addAll(nested.chains);
            return this;
        }

        private void checkNested(Level<?> level) {
            if (ancestors.isEmpty()) {
                return;
            }
            List<PathPattern.Segment> outer = ancestors.getLast().route().pattern().segments();
            List<PathPattern.Segment> own = level.route().pattern().segments();
            if (own.size() < outer.size() || !own.subList(0, outer.size()).equals(outer)) {
                throw new IllegalArgumentException(level + " is inside layout " + ancestors.getLast().route().pattern()
                        + ", so its pattern must start with " + ancestors.getLast().route().pattern());
            }
        }
    }

    /** Configures a {@link RouteTree}. */
    public static final class Builder {
        private record RedirectEntry(PathPattern pattern, Resolution.Redirect to) {
        }

        private final Children root = new Children(List.of());
        private final List<RedirectEntry> redirects = new ArrayList<>();
        private Function<PageRequest, Optional<Principal>> principal = request -> Optional.empty();
        private Duration loaderDeadline = Duration.ofSeconds(30);
        private Function<PageRequest, Page> notFound = RouteTree::defaultNotFound;
        private Duration deferredDeadline = Duration.ofSeconds(20);
        private NetronClient client;
        private ErrorPage errorPage;

        private Builder() {
        }

        /** A top-level page (no layout around it). */
        public Builder page(Level<?> page) {
            root.page(page);
            return this;
        }

        /** A top-level layout and the levels inside it. */
        public Builder layout(Level<?> layout, Consumer<Children> children) {
            root.layout(layout, children);
            return this;
        }

        /** A GET of a URL matching {@code pattern} is redirected to {@code location} with {@code status} (301, 302, 307 or 308). */
        public Builder redirect(String pattern, String location, int status) {
            if (status != 301 && status != 302 && status != 307 && status != 308) {
                throw new IllegalArgumentException("a redirect's status is 301, 302, 307 or 308, got " + status);
            }
            ActionResult.redirect(location, status);   // checks the location the same way an action's is
            redirects.add(new RedirectEntry(PathPattern.parse(pattern), new Resolution.Redirect(location, status)));
            return this;
        }

        /** The page shown, with 404, for a URL whose pattern matched but whose values do not convert. */
        public Builder notFound(Function<PageRequest, Page> page) {
            this.notFound = Objects.requireNonNull(page, "page");
            return this;
        }

        /**
         * The page shown, with 500, when a page of this tree fails with no error boundary on the
         * way up (by default the web layer's plain page with the error id). A failure found after
         * the shell was sent (a streamed level) shows in place instead.
         */
        public Builder errorPage(ErrorPage page) {
            this.errorPage = Objects.requireNonNull(page, "page");
            return this;
        }

        /** Who is asking, for loaders ({@link LoaderArgs#principal}); by default nobody. */
        public Builder principal(Function<PageRequest, Optional<Principal>> principal) {
            this.principal = Objects.requireNonNull(principal, "principal");
            return this;
        }

        /** How long a page waits for its loaders (default 30 s); one still running then fails, as if it had thrown. */
        public Builder loaderDeadline(Duration deadline) {
            if (deadline == null || deadline.isNegative() || deadline.isZero()) {
                throw new IllegalArgumentException("loaderDeadline must be positive, got " + deadline);
            }
            this.loaderDeadline = deadline;
            return this;
        }

        /**
         * How long a deferred value ({@link LoaderArgs#defer}) may take by default (20 s): one
         * still running then is interrupted, and its await shows its error view. Keep it under
         * the 30 s a page's response streams for, so the error view still arrives in the response.
         */
        public Builder deferredDeadline(Duration deadline) {
            if (deadline == null || deadline.isNegative() || deadline.isZero()) {
                throw new IllegalArgumentException("deferredDeadline must be positive, got " + deadline);
            }
            this.deferredDeadline = deadline;
            return this;
        }

        /**
         * The Netron client loaders call services with ({@link LoaderArgs#client()}): one client,
         * thread-safe, shared by every request; the application owns it (and closes it).
         */
        public Builder client(NetronClient client) {
            this.client = Objects.requireNonNull(client, "client");
            return this;
        }

        /** The tree; two pages (or redirects) matching the same URLs are an {@link IllegalArgumentException}. */
        public RouteTree build() {
            return new RouteTree(this);
        }
    }
}
