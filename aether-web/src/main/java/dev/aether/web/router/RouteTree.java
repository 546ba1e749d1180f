package dev.aether.web.router;

import dev.aether.netron.client.NetronClient;
import dev.aether.titan.Principal;
import dev.aether.web.ActionResult;
import dev.aether.web.Page;
import dev.aether.web.PageRequest;
import dev.aether.web.html.Node;
import dev.aether.web.protocol.LiveProtocol;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import static dev.aether.web.html.Html.*;

/**
 * The pages of a site as a tree: layouts nest, and a URL renders the chain of levels it matched,
 * outermost layout first, each around the next ({@code outlet}), the page innermost. The most
 * specific page pattern wins ({@link PathPattern#SPECIFICITY}), whatever the declaration order. A
 * URL whose pattern matches but whose values do not convert (letters for an {@code int}) is a 404;
 * a URL no pattern matches is not the tree's (it goes on to Netron's routes); add a page at
 * {@code /*rest} for a site-wide 404 page.
 *
 * <p>A navigation goes: match → the global {@linkplain Builder#beforeEach before-guards} → the
 * {@linkplain Level#guard guards} of every matched level, outermost first → the loaders → commit →
 * the {@linkplain Builder#afterEach after hooks}. On a GET a guard's cancel is the
 * {@linkplain Builder#cancelledPage cancelled page} with 403, its redirect the status and
 * {@code Location}.
 *
 * <p>On a GET the loaders of every matched level run in parallel; a failure (a loader's, or a
 * view's) shows the error boundary of the nearest level at or above the failing one, and the
 * levels above it render as usual. Without any boundary the page is a 500 (the
 * {@linkplain Builder#errorPage tree's error page}, if it has one). The first level with a
 * {@linkplain Level#loading loading view} does not hold the page back: its loaders and those below
 * it run while the page shows the loading view, and the level streams in (on a live navigation, is
 * patched in) once they are done. The levels themselves are built by the page's {@link Navigator},
 * the same way for a GET and for a live navigation.
 *
 * <pre>{@code
 * RouteTree tree = RouteTree.builder()
 *         .layout(Level.layout(Route.of("/"), (ctx, outlet) -> div(nav(a(attr("href", "/"), text("Home"))), main(outlet)))
 *                         .errorBoundary(error -> p(text("Something failed."))),
 *                 site -> site
 *                         .page(Level.page(Route.of("/"), "Home", ctx -> h1(text("Welcome"))))
 *                         .page(Level.page(USER_ROUTE, "User", ctx -> h1(text(ctx.data(USER).name()))).loader(USER)))
 *         .redirect("/people/:id", "/users/:id", 301)
 *         .build();
 * AetherWeb web = AetherWeb.builder().routes(tree).build();
 * }</pre>
 */
public final class RouteTree {
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
    private final LoaderCache cache;
    private final PrefetchLimits prefetchLimits;
    private final Function<PageRequest, Page> cancelled;
    private final RouteGuards guards;
    private final Duration deferredDeadline;
    private final NetronClient client;
    private final ErrorPage errorPage;

    /**
     * The page a tree answers with, as a 500, when one of its pages fails with no error
     * boundary to show it. It is given the error id the failure was logged under; it should
     * show that id and nothing of the failure.
     *
     * <pre>{@code
     * RouteTree.builder().errorPage((request, errorId) -> Page.of("Sorry", () -> p(text("Error " + errorId))))
     * }</pre>
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
        this.cache = new LoaderCache(b.cacheEntries, b.cacheAge);
        this.prefetchLimits = b.prefetchLimits;
        this.cancelled = b.cancelled;
        this.guards = new RouteGuards(b.before, b.after);
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
            case Resolution.Redirect r -> new Resolution.Redirect(RedirectTarget.fill(r.location(), m.params()), r.status());
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
            case Resolution.Chain chain -> request -> answer(rawPath, chain, request);
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
                .map(r -> request -> submit(rawPath, (Resolution.Chain) r, request));
    }

    private ActionResult answer(String rawPath, Resolution.Chain chain, PageRequest request) {
        return answer(rawPath, chain, request, Optional.empty(), 200);
    }

    private ActionResult answer(String rawPath, Resolution.Chain chain, PageRequest request, Optional<PageState.Posted> posted, int status) {
        List<MatchedLevel> matches = new ArrayList<>();
        for (Level<?> level : chain.levels()) {
            Optional<? extends Record> read = level.route().parse(chain.pathParams(), request.queryParameters());
            if (read.isEmpty()) {
                return new ActionResult.Show(notFound.apply(request), 404);   // /users/abc for /users/:id (a long)
            }
            matches.add(new MatchedLevel(level, read.get()));
        }
        Optional<Principal> who = principal.apply(request);
        Destination to = new Destination(chain.levels().getLast().route(), matches.getLast().params(), request, who, Destination.Kind.DOCUMENT);
        switch (guards.decide(matches, to)) {
            case GuardDecision.Cancel cancel -> {
                return new ActionResult.Show(cancelled.apply(request), 403);
            }
            case GuardDecision.Redirect redirect -> {
                return ActionResult.redirect(redirect.location(), redirect.status());
            }
            case GuardDecision.Allow allow -> {
            }
        }
        DeferredWork work = new DeferredWork(deferredDeadline);
        LoaderArgs.Shared shared = new LoaderArgs.Shared(request, who, client, work);
        LevelLoads loads = LevelLoads.of(matches, 0);
        // a GET loads afresh, and fills the cache; the levels behind a loading view start first and stream in
        LevelLoads.Streamed streamed = loads.startStreamed(shared, loaderDeadline, cache, false);
        Map<Loader<?, ?>, LoaderResults.Outcome> results;
        try {
            results = LoaderResults.run(loads.held(), shared, loaderDeadline, cache, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            work.cancelAll();
            throw new IllegalStateException("interrupted while loading " + request.path(), e);
        }
        guards.committed(to);
        Level<?> leaf = chain.levels().getLast();
        String location = rawPath + queryString(request.queryParameters());
        Page page = Page.of(leaf.title(), () -> Navigator.page(this, who, location, matches, results, streamed, work, request, posted));
        for (Level<?> level : chain.levels()) {
            for (Map.Entry<String, String> tag : level.meta().entrySet()) {
                page = page.withMeta(tag.getKey(), tag.getValue());
            }
        }
        return new ActionResult.Show(leaf.description() == null ? page : page.withMeta("description", leaf.description()), status);
    }

    private ActionResult submit(String rawPath, Resolution.Chain chain, PageRequest request) {
        for (Level<?> level : chain.levels()) {
            if (level.route().parse(chain.pathParams(), request.queryParameters()).isEmpty()) {
                return new ActionResult.Show(notFound.apply(request), 404);
            }
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
            case Action.Outcome.Done done -> {
                forgetCached(chain, done.revalidate());   // other pages' live navigations load them afresh too
                yield ActionResult.redirect(rawPath + queryString(request.queryParameters()));   // the GET loads the page afresh
            }
            case Action.Outcome.Invalid invalid ->
                    answer(rawPath, chain, request, Optional.of(new PageState.Posted(id, request.formFields(), invalid.errors())), 422);
        };
    }

    /** Forgets the cached values of the page's loaders: {@code only} these, or all when empty. */
    private void forgetCached(Resolution.Chain chain, List<Loader<?, ?>> only) {
        for (Level<?> level : chain.levels()) {
            for (Loader<?, ?> loader : level.loaders()) {
                if (only.isEmpty() || only.contains(loader)) {
                    cache.invalidate(loader);
                }
            }
        }
    }

    private static Page unknownAction(String id, Resolution.Chain chain) {
        String named = id.isEmpty() ? "no action" : "action \"" + (id.length() > 64 ? id.substring(0, 64) + "…" : id) + "\"";
        String known = chain.levels().stream().flatMap(l -> l.actions().stream()).map(Action::id).sorted().toList().toString();
        return Page.of("Bad request", () -> main(h1(text("Bad request")),
                p(text("This form names " + named + ", which this page does not take (it takes " + known + "). Reload the page and try again."))));
    }

    private static String queryString(Map<String, List<String>> query) {
        StringBuilder s = new StringBuilder();
        query.forEach((name, values) -> values.forEach(value -> s.append(s.isEmpty() ? '?' : '&')
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8))));
        return s.toString();
    }

    /** The loader values kept for live navigations (and prefetch): sized by {@link Builder#loaderCache}. */
    public LoaderCache loaderCache() {
        return cache;
    }

    RouteGuards guards() {
        return guards;
    }

    PrefetchLimits prefetchLimits() {
        return prefetchLimits;
    }

    Duration loaderDeadline() {
        return loaderDeadline;
    }

    /** The tree's Netron client for loaders; null when it has none. */
    NetronClient client() {
        return client;
    }

    Duration deferredDeadline() {
        return deferredDeadline;
    }

    private static Page defaultNotFound(PageRequest request) {
        return Page.of("Not found", () -> main(h1(text("Not found")), p(text("Nothing is at " + request.path() + "."))));
    }

    private static Page defaultCancelled(PageRequest request) {
        return Page.of("Not allowed", () -> main(h1(text("Not allowed")), p(text("You cannot open " + request.path() + "."))));
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
        private Duration deferredDeadline = Duration.ofSeconds(20);
        private NetronClient client;
        private ErrorPage errorPage;
        private int cacheEntries = LoaderCache.DEFAULT_MAX_ENTRIES;
        private Duration cacheAge = LoaderCache.DEFAULT_MAX_AGE;
        private PrefetchLimits prefetchLimits = PrefetchLimits.DEFAULT;
        private Function<PageRequest, Page> cancelled = RouteTree::defaultCancelled;
        private final List<Guard> before = new ArrayList<>();
        private final List<AfterHook> after = new ArrayList<>();

        private Builder() {
        }

        /**
         * How many loader values the tree keeps for live navigations, and for how long (default
         * {@value LoaderCache#DEFAULT_MAX_ENTRIES} entries, 5 minutes). 0 entries: nothing is kept.
         */
        public Builder loaderCache(int maxEntries, Duration maxAge) {
            new LoaderCache(maxEntries, maxAge);   // checks both the same way
            this.cacheEntries = maxEntries;
            this.cacheAge = maxAge;
            return this;
        }

        /** How much each live page may prefetch (default {@link PrefetchLimits#DEFAULT}: 4 at once, 30 per 10 s). */
        public Builder prefetchLimits(PrefetchLimits limits) {
            this.prefetchLimits = Objects.requireNonNull(limits, "limits");
            return this;
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

        /**
         * Pages and layouts written as classes ({@link RoutePage}, {@link RouteLayout}), each
         * placed inside the layout its {@link InLayout} names, or at the top without one. Pass
         * instances, so the application decides how they are made ({@code new}, or
         * {@code injector.getInstance(UserPage.class)} with Guice). May be combined with
         * {@link #page} and {@link #layout}.
         *
         * <pre>{@code
         * RouteTree tree = RouteTree.builder().classes(new SiteLayout(), new HomePage(), new UserPage(users)).build();
         * }</pre>
         */
        public Builder classes(Object... pagesAndLayouts) {
            RouteClasses.declare(List.of(pagesAndLayouts), root);
            return this;
        }

        /**
         * A GET of a URL matching {@code pattern} is redirected to {@code location} with
         * {@code status} (301, 302, 307 or 308). The location's path may name the pattern's
         * params ({@code redirect("/people/:id", "/users/:id", 301)}): each redirect fills them
         * with the values it matched; naming one the pattern does not always capture is an
         * {@link IllegalArgumentException} here.
         */
        public Builder redirect(String pattern, String location, int status) {
            if (status != 301 && status != 302 && status != 307 && status != 308) {
                throw new IllegalArgumentException("a redirect's status is 301, 302, 307 or 308, got " + status);
            }
            ActionResult.redirect(location, status);   // checks the location the same way an action's is
            PathPattern from = PathPattern.parse(pattern);
            RedirectTarget.check(from, location);
            redirects.add(new RedirectEntry(from, new Resolution.Redirect(location, status)));
            return this;
        }

        /** The page shown, with 404, for a URL whose pattern matched but whose values do not convert. */
        public Builder notFound(Function<PageRequest, Page> page) {
            this.notFound = Objects.requireNonNull(page, "page");
            return this;
        }

        /**
         * A guard asked about every navigation before the route guards and the loaders (in the
         * order added); the first decision that is not allow ends the navigation.
         */
        public Builder beforeEach(Guard guard) {
            before.add(Objects.requireNonNull(guard, "guard"));
            return this;
        }

        /** A hook run once per committed navigation, after its loaders (in the order added). */
        public Builder afterEach(AfterHook hook) {
            after.add(Objects.requireNonNull(hook, "hook"));
            return this;
        }

        /** The page shown, with 403, when a guard cancels a full page load (by default a plain "Not allowed"). */
        public Builder cancelledPage(Function<PageRequest, Page> page) {
            this.cancelled = Objects.requireNonNull(page, "page");
            return this;
        }

        /** Who is asking, for guards and loaders ({@link LoaderArgs#principal}); by default nobody. */
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
         * The page shown, with 500, when a page of this tree fails with no error boundary on the
         * way up (by default the web layer's plain page with the error id). A failure found after
         * the shell was sent (a streamed level) shows in place instead; a failing live navigation
         * loads the page in full, which then shows this page.
         */
        public Builder errorPage(ErrorPage page) {
            this.errorPage = Objects.requireNonNull(page, "page");
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
