package dev.aether.web.router;

import dev.aether.titan.Principal;
import dev.aether.web.ActionResult;
import dev.aether.web.BrowserLocation;
import dev.aether.web.Page;
import dev.aether.web.PageRequest;
import dev.aether.web.html.Node;
import dev.aether.web.protocol.LiveProtocol;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
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
    }

    public static Builder builder() {
        return new Builder();
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

    /**
     * How a POST of {@code rawPath} is answered, or empty when no level of the page it leads to
     * takes forms ({@link Level#action}): then it is a 405. The form's hidden action id names the
     * action; its handler runs, then the browser is redirected (303) or the page is rendered again
     * with the messages (422). A post naming no action of the page is a 400.
     */
    public Optional<Function<PageRequest, ActionResult>> actionFor(String rawPath) {
        return resolve(rawPath)
                .filter(r -> r instanceof Resolution.Chain chain && chain.levels().stream().anyMatch(l -> !l.actions().isEmpty()))
                .map(r -> request -> submit((Resolution.Chain) r, request));
    }

    private ActionResult answer(Resolution.Chain chain, PageRequest request) {
        return answer(chain, request, Optional.empty(), 200);
    }

    private ActionResult answer(Resolution.Chain chain, PageRequest request, Optional<PageState.Posted> posted, int status) {
        Optional<List<Record>> read = params(chain, request);
        if (read.isEmpty()) {
            return new ActionResult.Show(notFound.apply(request), 404);   // /users/abc for /users/:id (a long)
        }
        List<Record> params = read.get();
        List<LoaderResults.Task<?>> tasks = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            addTasks(chain.levels().get(i), params.get(i), tasks);
        }
        Optional<Principal> who = principal.apply(request);
        Map<Loader<?, ?>, LoaderResults.Outcome> results;
        try {
            results = LoaderResults.run(tasks, request, who, loaderDeadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading " + request.path(), e);
        }
        String title = chain.levels().getLast().title();
        String url = urlOf(chain, params);
        Page document = Page.of(title, () -> {
            // made as the page renders: on its session, where the forms and fetchers keep their signals
            PageState page = new PageState(url, request, who, posted, BrowserLocation.CURRENT.use(), PageState.Revalidator.NONE);
            return render(chain.levels(), params, request, results, page, 0);
        });
        for (Level<?> level : chain.levels()) {
            for (Map.Entry<String, String> tag : level.meta().entrySet()) {
                document = document.withMeta(tag.getKey(), tag.getValue());
            }
        }
        return new ActionResult.Show(document, status);
    }

    private ActionResult submit(Resolution.Chain chain, PageRequest request) {
        Optional<List<Record>> read = params(chain, request);
        if (read.isEmpty()) {
            return new ActionResult.Show(notFound.apply(request), 404);
        }
        String id = request.form(LiveProtocol.Markup.ACTION_FIELD);
        Optional<Action<?>> action = chain.levels().stream().flatMap(l -> l.actions().stream()).filter(a -> a.id().equals(id)).findFirst();
        if (action.isEmpty()) {
            return new ActionResult.Show(unknownAction(id, chain), 400);
        }
        Action.Outcome outcome;
        try {
            outcome = action.get().submit(request.formFields());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(action.get() + " failed", e);
        }
        return switch (outcome) {
            case Action.Outcome.Redirect r -> ActionResult.redirect(r.location());
            case Action.Outcome.Done done -> ActionResult.redirect(urlOf(chain, read.get()));   // the GET loads the page afresh
            case Action.Outcome.Invalid invalid ->
                    answer(chain, request, Optional.of(new PageState.Posted(id, request.formFields(), invalid.errors())), 422);
        };
    }

    /** Each level's params record, or empty when a value does not convert (a 404). */
    private static Optional<List<Record>> params(Resolution.Chain chain, PageRequest request) {
        List<Record> params = new ArrayList<>();
        for (Level<?> level : chain.levels()) {
            Optional<? extends Record> read = level.route().parse(chain.pathParams(), request.queryParameters());
            if (read.isEmpty()) {
                return Optional.empty();
            }
            params.add(read.get());
        }
        return Optional.of(params);
    }

    @SuppressWarnings("unchecked")
    private static <P extends Record> String urlOf(Resolution.Chain chain, List<Record> params) {
        Level<P> page = (Level<P>) chain.levels().getLast();
        return page.route().link((P) params.getLast());
    }

    private static Page unknownAction(String id, Resolution.Chain chain) {
        String named = id.isEmpty() ? "no action" : "action \"" + (id.length() > 64 ? id.substring(0, 64) + "…" : id) + "\"";
        String known = chain.levels().stream().flatMap(l -> l.actions().stream()).map(Action::id).sorted().toList().toString();
        return Page.of("Bad request", () -> main(h1(text("Bad request")),
                p(text("This form names " + named + ", which this page does not take (it takes " + known + "). Reload the page and try again."))));
    }

    @SuppressWarnings("unchecked")
    private static <P extends Record> void addTasks(Level<P> level, Record params, List<LoaderResults.Task<?>> tasks) {
        for (Loader<P, ?> loader : level.loaders()) {
            tasks.add(new LoaderResults.Task<>(loader, (P) params));
        }
    }

    /** Level {@code i} around everything below it; a failure here or below without a boundary shows this level's boundary. */
    private static Node render(List<Level<?>> levels, List<Record> params, PageRequest request,
                               Map<Loader<?, ?>, LoaderResults.Outcome> results, PageState page, int i) {
        Level<?> level = levels.get(i);
        try {
            failureOf(level, results);
            Node outlet = i + 1 < levels.size() ? render(levels, params, request, results, page, i + 1) : null;
            return renderLevel(level, params.get(i), request, results, page, outlet);
        } catch (RuntimeException e) {
            if (level.errorBoundaryView() == null) {
                throw e;
            }
            LOG.warn("{} of {} failed; showing its error boundary", level, request.path(), e);
            return level.errorBoundaryView().render(e);
        }
    }

    private static void failureOf(Level<?> level, Map<Loader<?, ?>, LoaderResults.Outcome> results) {
        for (Loader<?, ?> loader : level.loaders()) {
            if (results.get(loader) instanceof LoaderResults.Outcome.Failed failed) {
                throw new LoaderFailedException(loader.name(), failed.error());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <P extends Record> Node renderLevel(Level<P> level, Record params, PageRequest request,
                                                       Map<Loader<?, ?>, LoaderResults.Outcome> results, PageState page, Node outlet) {
        return level.render(new RouteContext<>((P) params, request, results, page), outlet);
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
            checkActionIds(chain);
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

        private static void checkActionIds(List<Level<?>> chain) {
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (Level<?> level : chain) {
                for (Action<?> action : level.actions()) {
                    if (!ids.add(action.id())) {
                        throw new IllegalArgumentException("two actions named " + action.id() + " on the page " + chain.getLast()
                                + ": a form names its action by id, so each is unique on a page");
                    }
                }
            }
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

        /** The tree; two pages (or redirects) matching the same URLs are an {@link IllegalArgumentException}. */
        public RouteTree build() {
            return new RouteTree(this);
        }
    }
}
