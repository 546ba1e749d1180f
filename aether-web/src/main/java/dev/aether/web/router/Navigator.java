package dev.aether.web.router;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aether.reactive.Disposable;
import dev.aether.reactive.Reactive;
import dev.aether.reactive.ReactiveContext;
import dev.aether.reactive.ReadSignal;
import dev.aether.reactive.Signal;
import dev.aether.titan.Principal;
import dev.aether.netron.protocol.log.LogText;
import dev.aether.web.PageRequest;
import dev.aether.web.component.Components;
import dev.aether.web.component.Context;
import dev.aether.web.component.Scope;
import dev.aether.web.html.Control;
import dev.aether.web.html.Html;
import dev.aether.web.html.Node;
import dev.aether.web.protocol.LiveProtocol;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static dev.aether.web.html.Html.*;

/**
 * The router of one live page: it holds the matched levels as the page shows them and moves the
 * page to another URL of its {@link RouteTree} over the live channel, rendering again only what
 * lies below the deepest level the two URLs share (same level, equal params). Each layout's
 * outlet is a live region bound to a signal holding the level below it, so a navigation replaces
 * that region only: the layout's own HTML, signals and typed input stay as they are.
 *
 * <p>A navigation, in order: the URL is resolved in the tree (outside it, a redirect or a 404:
 * the browser loads it as a full page); the tree's {@linkplain RouteTree.Builder#beforeEach guards}
 * and the matched levels' {@linkplain Level#guard guards} decide; the page's {@linkplain Blockers
 * blockers} ask the user (unless the navigation is forced: the user said yes); the loaders of every newly matched level run in
 * parallel, those the {@link LoaderCache} still keeps excepted, off the session's thread; then,
 * back on it, the new levels are built (a failure bubbles to the nearest error boundary among
 * them, else the browser loads the URL as a full page) and swapped in with the URL, title and
 * description the runtime commits to the history. A newer navigation supersedes an older one
 * still loading. The first new level with a {@linkplain Level#loading loading view} does not hold
 * the navigation back: it goes in as its loading view, and is patched in when its loaders (and
 * those below it) are done. A GET's page is built here too ({@link #page}), so a level renders
 * one way whichever request reached it. Session context only, except where said.
 *
 * <pre>{@code
 * // in an event handler of a routed page: an action changed data the page shows
 * ctx.navigator().invalidate(ORDERS);     // the next navigation loads ORDERS afresh
 * ctx.navigator().revalidate();           // the loaders of this page run again now
 * }</pre>
 */
public final class Navigator {
    // failures shown by a boundary are the tree's to report, whichever request rendered them
    private static final Logger LOG = LoggerFactory.getLogger(RouteTree.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_REDIRECTS = 5;
    /** The navigator of the page being rendered, for {@link Link}s. */
    static final Context<Navigator> CURRENT = Context.create(null);

    private final RouteTree tree;
    private final Optional<Principal> principal;
    private final ReactiveContext context;
    /** The page's scope (what it provides: the visitor, the head): a live navigation renders its levels in it too. */
    private final Scope scope = Scope.current();
    private final Signal<Navigation> navigation = Reactive.signal(Navigation.IDLE);
    private final Signal<String> location;
    private final Signal<String> answer = Reactive.signal(null);
    private final Signal<LevelState.Subtree> top;
    private final PageState forms;
    private final DeferredWork work;   // the deferred values its loaders started: they end with the page
    private final Blockers blockers = new Blockers();
    private final PrefetchGate prefetches;
    private long latest;       // the id of the navigation that counts; older ones still loading are dropped
    private long serverIds;    // navigations the server starts count down from -1

    private Navigator(RouteTree tree, Optional<Principal> principal, String location, List<MatchedLevel> matches,
                      Map<Loader<?, ?>, LoaderResults.Outcome> results, LevelLoads.Streamed streamed, DeferredWork work,
                      PageRequest request, Optional<PageState.Posted> posted) {
        this.tree = tree;
        this.principal = principal;
        this.context = ReactiveContext.current();
        this.location = Reactive.signal(location);
        this.prefetches = new PrefetchGate(tree.prefetchLimits());
        this.work = work;
        if (Reactive.hasOwner()) {
            Reactive.onCleanup(work::cancelAll);   // the page is gone: so is the work it started
        }
        this.forms = new PageState(this, request, principal, posted);
        this.top = Reactive.signal(build(matches, 0, null, results, streamed, request));
    }

    /**
     * The page a GET renders, in its session: the levels {@code matches} with the loader
     * {@code results} of the GET (handed over, not loaded again), and the loaders of the levels
     * behind a loading view still running ({@code streamed}, null: none), on {@code work}. A
     * failure no boundary catches is thrown (the page is a 500). {@code posted}: the submission
     * whose fields need fixing, when the page is rendered again for it (a 422).
     */
    static Node page(RouteTree tree, Optional<Principal> principal, String location, List<MatchedLevel> matches,
                     Map<Loader<?, ?>, LoaderResults.Outcome> results, LevelLoads.Streamed streamed, DeferredWork work,
                     PageRequest request, Optional<PageState.Posted> posted) {
        Navigator navigator = new Navigator(tree, principal, location, matches, results, streamed, work, request, posted);
        return CURRENT.provide(navigator, () -> fragment(navigator.channel(), outlet(navigator.top)));
    }

    // ---- what pages read -------------------------------------------------------------------

    /** Idle, loading (with the target) or submitting: a signal, for pending UI. */
    public ReadSignal<Navigation> navigation() {
        return navigation.asReadOnly();
    }

    /** The page's URL now (path and query as the browser has them), a signal: links' active classes read it. */
    public ReadSignal<String> location() {
        return location.asReadOnly();
    }

    /** The page's forms and fetchers (they outlive a navigation: the page's session is the same). */
    PageState pageState() {
        return forms;
    }

    // ---- revalidation (for actions) ----------------------------------------------------------

    /**
     * Runs the loaders of every level on the page again (the cache is not read, and is updated),
     * in parallel, and sets what they return: views that read them reactively update. A loader
     * that fails now keeps its last value (logged), so a page never breaks on a revalidation.
     * Completes, on the session, once the values are set.
     */
    public CompletableFuture<Void> revalidate() {
        return revalidateWhere(loader -> true);
    }

    /** Like {@link #revalidate()}, for {@code only} these loaders (those of them on the page). */
    public CompletableFuture<Void> revalidate(Loader<?, ?>... only) {
        List<Loader<?, ?>> named = Arrays.asList(only);
        return revalidateWhere(named::contains);
    }

    /** Forgets every cached value of {@code loader} (for every user): the next navigation to a page with it loads it afresh. */
    public void invalidate(Loader<?, ?> loader) {
        tree.loaderCache().invalidate(loader);
    }

    /** Forgets every cached loader value. */
    public void invalidateAll() {
        tree.loaderCache().invalidateAll();
    }

    /** Navigates this page to {@code url} (a path with an optional query) from the server, as a link click would: pushed to the history. */
    public void navigate(String url) {
        navigate(--serverIds, NavigationMode.PUSH, url, 0, false);
    }

    // ---- blockers ---------------------------------------------------------------------------

    /** {@link RouteContext#blocker}: blocks leaving while {@code dirty} is true, until {@code level} leaves the page. */
    Runnable block(LevelState level, ReadSignal<Boolean> dirty, String message) {
        return blockers.add(level, dirty, message);
    }

    /** Sets the navigation state (route actions set {@link Navigation.Submitting} while they run). */
    void navigation(Navigation state) {
        navigation.set(state);
    }

    /** What a loader run for this page is given besides its params: its deferred values end with the page. */
    LoaderArgs.Shared loaderShared(PageRequest request) {
        return new LoaderArgs.Shared(request, principal, tree.client(), work);
    }

    private CompletableFuture<Void> revalidateWhere(java.util.function.Predicate<Loader<?, ?>> which) {
        List<LevelState> on = states();
        List<LoaderResults.Task<?>> tasks = new ArrayList<>();
        for (LevelState s : on) {
            addTasks(s.match, tasks, which);
        }
        PageRequest request = requestFor(location.peek());
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread.ofVirtual().name("revalidate " + location.peek()).start(() -> {
            Map<Loader<?, ?>, LoaderResults.Outcome> results = load(tasks, request, false);
            post(() -> {
                Reactive.batch(() -> {
                    for (LevelState s : on) {
                        s.data.forEach((loader, signal) -> {
                            LoaderResults.Outcome outcome = results.get(loader);
                            if (outcome instanceof LoaderResults.Outcome.Loaded) {
                                signal.set(outcome);
                            } else if (outcome instanceof LoaderResults.Outcome.Failed f) {
                                LOG.warn("{} failed on revalidation of {}; the page keeps its last value", loader, location.peek(), f.error());
                            }
                        });
                    }
                });
                done.complete(null);
            }, () -> done.cancel(false));
        });
        return done;
    }

    // ---- navigation -------------------------------------------------------------------------

    /** The hidden input the runtime navigates through: it sets the value to "id mode url" and fires the event. */
    private Node channel() {
        ReadSignal<Boolean> dirty = blockers.anyDirty();
        return input(type("hidden"), attr(LiveProtocol.Router.CHANNEL, true), attr(LiveProtocol.Router.ANSWER, answer::get),
                attr(LiveProtocol.Router.DIRTY, dirty::get), on(LiveProtocol.Router.EVENT, e -> receive(e.value())));
    }

    private static Node outlet(Signal<LevelState.Subtree> shown) {
        return Components.when(shown::get, subtree -> subtree.node, Html::fragment);
    }

    /**
     * A navigation the runtime sent: {@code "id mode url"}, the mode followed by {@code !} when the
     * user agreed to leave, or a prefetch: {@code "0 prefetch url"}; anything else is ignored (logged).
     */
    void receive(String message) {
        String[] parts = message == null ? new String[0] : message.split(" ", 3);
        if (parts.length == 3 && parts[1].equals(LiveProtocol.Router.PREFETCH_MODE)) {
            if (isSitePath(parts[2])) {
                prefetch(parts[2]);
            }
            return;
        }
        boolean force = parts.length == 3 && parts[1].endsWith(LiveProtocol.Router.FORCE);
        Optional<NavigationMode> mode = parts.length == 3
                ? NavigationMode.parse(force ? parts[1].substring(0, parts[1].length() - LiveProtocol.Router.FORCE.length()) : parts[1])
                : Optional.empty();
        long id;
        try {
            id = parts.length == 3 ? Long.parseLong(parts[0]) : 0;
        } catch (NumberFormatException e) {
            id = 0;
        }
        if (id <= 0 || mode.isEmpty() || !isSitePath(parts[2])) {
            LOG.debug("ignored a malformed navigation: {}", LogText.of(String.valueOf(message)));
            return;
        }
        navigate(id, mode.get(), parts[2], 0, force);
    }

    /** A path of this site only: "//host" and "/\host" would leave it when the runtime loads the URL as a full page. */
    private static boolean isSitePath(String url) {
        return url.startsWith("/") && !url.startsWith("//") && !url.contains("\\") && url.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }

    private void navigate(long id, NavigationMode mode, String url, int redirects, boolean force) {
        latest = id;
        Optional<Planned> planned = plan(url);
        if (planned.isEmpty()) {
            answer(leaving(force).map(question -> blocked(id, mode, url, question)).orElseGet(() -> fullLoad(id, mode, url)));
            return;
        }
        List<MatchedLevel> matches = planned.get().matches();
        Destination to = destination(matches, planned.get().request(), kindOf(mode));
        GuardDecision decision;
        try {
            decision = tree.guards().decide(matches, to);
        } catch (RuntimeException e) {
            // the full page load runs the guards again, and answers their failure with a 500 and its error id
            LOG.warn("a guard failed on the live navigation to {}; the browser loads it as a full page", LogText.of(url), e);
            answer(fullLoad(id, mode, url));
            return;
        }
        switch (decision) {
            case GuardDecision.Allow allow -> {
            }
            case GuardDecision.Cancel cancel -> {
                answer(cancelled(id, mode));
                return;
            }
            case GuardDecision.Redirect redirect -> {
                if (redirects >= MAX_REDIRECTS) {
                    answer(fullLoad(id, mode, redirect.location()));
                } else {
                    navigate(id, mode == NavigationMode.POP ? NavigationMode.REPLACE : mode, redirect.location(), redirects + 1, force);
                }
                return;
            }
        }
        Optional<String> question = leaving(force);
        if (question.isPresent()) {
            answer(blocked(id, mode, url, question.get()));
            return;
        }
        int shared = sharedDepth(matches);
        // the first new level with a loading view is patched in at once, showing it; its loaders (and those below) patch the level in
        LevelLoads loads = LevelLoads.of(matches, shared).unlessCached(tree.loaderCache(), principal);
        PageRequest request = planned.get().request();
        navigation.set(new Navigation.Loading(url));
        Thread.ofVirtual().name("navigation " + url).start(() -> {
            LoaderArgs.Shared args = loaderShared(request);
            LevelLoads.Streamed streamed = loads.startStreamed(args, tree.loaderDeadline(), tree.loaderCache(), true);
            Map<Loader<?, ?>, LoaderResults.Outcome> results = load(loads.held(), request, true);
            post(() -> commit(id, mode, url, matches, shared, results, streamed, to), () -> {
                if (streamed != null) {
                    streamed.rest().cancel();
                }
            });
        });
    }

    /** The question of the first dirty blocker, unless the user already agreed to leave. */
    private Optional<String> leaving(boolean force) {
        return force ? Optional.empty() : blockers.blocking();
    }

    private Destination destination(List<MatchedLevel> matches, PageRequest request, Destination.Kind kind) {
        return new Destination(matches.getLast().level().route(), matches.getLast().params(), request, principal, kind);
    }

    private static Destination.Kind kindOf(NavigationMode mode) {
        return switch (mode) {
            case PUSH -> Destination.Kind.PUSH;
            case REPLACE -> Destination.Kind.REPLACE;
            case POP -> Destination.Kind.POP;
        };
    }

    // ---- prefetch ---------------------------------------------------------------------------

    /**
     * Runs the loaders {@code url} would run (those of the levels below what it shares with this
     * page, and not already cached) into the tree's cache, off the session's thread, so that a
     * navigation there waits for none of them. Within the page's {@link PrefetchLimits} (else
     * dropped), only for a page of the tree, and only when its guards allow it: a guard sees
     * {@link Destination.Kind#PREFETCH}. Shows and answers nothing; after hooks do not run.
     */
    private void prefetch(String url) {
        Optional<PrefetchGate.Slot> slot = prefetches.tryStart();
        if (slot.isEmpty()) {
            LOG.debug("dropped a prefetch of {}: over the page's prefetch limits", LogText.of(url));
            return;
        }
        boolean started = false;
        try {
            Optional<Planned> planned = plan(url);
            if (planned.isEmpty()) {
                return;   // not a page of the tree: nothing to load
            }
            List<MatchedLevel> matches = planned.get().matches();
            PageRequest request = planned.get().request();
            if (!(tree.guards().decide(matches, destination(matches, request, Destination.Kind.PREFETCH)) instanceof GuardDecision.Allow)) {
                return;
            }
            List<LoaderResults.Task<?>> tasks = new ArrayList<>();
            for (MatchedLevel m : matches.subList(sharedDepth(matches), matches.size())) {
                addTasks(m, tasks, loader -> tree.loaderCache().get(loader, m.params(), principal).isEmpty());
            }
            if (tasks.isEmpty()) {
                return;
            }
            PrefetchGate.Slot held = slot.get();
            Thread.ofVirtual().name("prefetch " + url).start(() -> {
                try (held) {
                    load(tasks, request, true);
                }
            });
            started = true;
        } catch (RuntimeException e) {
            LOG.debug("a prefetch of {} failed; the navigation will load it", LogText.of(url), e);
        } finally {
            if (!started) {
                slot.get().close();
            }
        }
    }

    /** How many levels from the top stay: shared with the target, and not showing an error boundary. */
    private int sharedDepth(List<MatchedLevel> target) {
        List<LevelState> states = states();
        List<MatchedLevel> now = states.stream().map(s -> s.match).toList();
        int shared = MatchedLevel.sharedDepth(now, target);
        for (int i = 0; i < shared; i++) {
            if (states.get(i).showsBoundary) {
                return i;
            }
        }
        return shared;
    }

    /** The levels on the page now, outermost first: down to a level showing its boundary, or to one still loading. */
    private List<LevelState> states() {
        return chainFrom(new ArrayList<>(), top.peek());
    }

    /** {@code above} followed by the levels of {@code subtree} on the page. */
    private static List<LevelState> chainFrom(List<LevelState> above, LevelState.Subtree subtree) {
        for (LevelState.Subtree s = subtree; s != null && s.state != null; ) {
            LevelState state = s.state;
            above.add(state);
            if (state.showsBoundary || state.child == null) {
                break;
            }
            s = state.child.peek();
        }
        return above;
    }

    private void commit(long id, NavigationMode mode, String url, List<MatchedLevel> matches, int shared,
                        Map<Loader<?, ?>, LoaderResults.Outcome> results, LevelLoads.Streamed streamed, Destination to) {
        PageRequest request = to.request();
        if (id != latest) {
            if (streamed != null) {
                streamed.rest().cancel();
            }
            return;   // a newer navigation started meanwhile
        }
        List<LevelState> states = states();
        LevelState parent = shared == 0 ? null : states.get(shared - 1);
        LevelState.Subtree subtree = null;
        if (shared < matches.size()) {
            try {
                subtree = build(matches, shared, parent, results, streamed, request);
            } catch (RuntimeException e) {
                // no error boundary below the shared levels: the full page shows the one above (or the 500 page)
                LOG.warn("navigation to {} failed below the shared layout; the browser loads it as a full page", LogText.of(url), e);
                Reactive.batch(() -> {
                    navigation.set(Navigation.IDLE);
                    answer(fullLoad(id, mode, url));
                });
                return;
            }
        }
        LevelState.Subtree swapped = subtree;
        Level<?> page = matches.getLast().level();
        try {
            Reactive.batch(() -> {
                if (swapped != null) {
                    (parent == null ? top : parent.child).set(swapped);
                }
                // after the swap: a streamed level whose loaders were already done may be on the page by now
                blockers.keepOnly(chainFrom(new ArrayList<>(states.subList(0, shared)), swapped));   // the blockers of levels that left the page go with them
                location.set(url);
                navigation.set(Navigation.IDLE);
                answer(committed(id, mode, url, page.title(), page.description()));
            });
        } catch (RuntimeException e) {
            // a component of the new levels failed while the region rendered it: the full page shows what is right
            LOG.warn("navigation to {} failed while rendering; the browser loads it as a full page", LogText.of(url), e);
            Reactive.batch(() -> {
                navigation.set(Navigation.IDLE);
                answer(fullLoad(id, mode, url));
            });
            return;
        }
        tree.guards().committed(to);
    }

    /**
     * Level {@code j} and everything below it, rendered now; a failure bubbles to the nearest
     * boundary at or above it (among these levels). The level {@code streamed} starts at shows its
     * loading view until its loaders are done, then itself ({@link #whileLoading}).
     */
    private LevelState.Subtree build(List<MatchedLevel> matches, int j, LevelState parent, Map<Loader<?, ?>, LoaderResults.Outcome> results,
                                     LevelLoads.Streamed streamed, PageRequest request) {
        if (streamed != null && j == streamed.from()) {
            return whileLoading(matches, j, parent, results, streamed, request);
        }
        MatchedLevel match = matches.get(j);
        LevelState state = new LevelState(match, parent, results);
        Node node;
        Map<String, Node> fills = Map.of();
        try {
            failureOf(match.level(), results);
            Node outlet = null;
            if (match.level().isLayout()) {
                state.child = Reactive.signal(build(matches, j + 1, state, results, streamed, request));
                outlet = outlet(state.child);
            }
            RouteContext<?> ctx = contextOf(match, request, state);
            Node below = outlet;
            node = owned(() -> render(match.level(), ctx, below));
            fills = fillsOf(match.level(), ctx);
        } catch (RuntimeException e) {
            Level.ErrorView boundary = match.level().errorBoundaryView();
            if (boundary == null) {
                throw e;
            }
            LOG.warn("{} of {} failed; showing its error boundary", match.level(), LogText.of(request.path()), e);
            state.showsBoundary = true;
            state.child = null;
            node = boundary.render(e);
        }
        return new LevelState.Subtree(state, node, fills);
    }

    /**
     * Level {@code j}'s loading view in its place, then the level (and those below it) once the
     * streamed loaders are done: one {@link Await}, so a GET streams it into the response and a
     * live page gets it as a patch. A level that then fails with no boundary of its own shows the
     * nearest boundary above it in its place (the levels above are on the page already), else a
     * notice with the error id. A level loading fills its named outlets once it is in.
     */
    private LevelState.Subtree whileLoading(List<MatchedLevel> matches, int j, LevelState parent,
                                            Map<Loader<?, ?>, LoaderResults.Outcome> results, LevelLoads.Streamed streamed,
                                            PageRequest request) {
        MatchedLevel match = matches.get(j);
        Map<Loader<?, ?>, LoaderResults.Outcome> soFar = new HashMap<>(results);
        for (MatchedLevel below : matches.subList(j, matches.size())) {
            for (Loader<?, ?> pending : below.level().loaders()) {
                soFar.putIfAbsent(pending, new LoaderResults.Outcome.Failed(new IllegalStateException(
                        pending + " is still loading: read it in the level's view, not in its loading view")));
            }
        }
        // what the level fills in the layout above, once it is in; nothing if it never comes in
        CompletableFuture<Map<String, Node>> filled = new CompletableFuture<>();
        streamed.rest().result().whenComplete((loaded, failure) -> {
            if (failure != null) {
                filled.complete(Map.of());
            }
        });
        LevelState.Subtree place = new LevelState.Subtree(null, null, Map.of(), Deferred.of("named outlets of " + match.level(), filled));
        Level.ErrorView above = parent == null ? null : parent.nearestBoundary();
        place.node = new Await<>(streamed.rest(), loaded -> {
            Map<Loader<?, ?>, LoaderResults.Outcome> all = new HashMap<>(results);
            all.putAll(loaded);
            LevelState.Subtree level;
            try {
                level = build(matches, j, parent, all, null, request);
            } catch (RuntimeException e) {
                filled.complete(Map.of());
                throw e;
            }
            place.state = level.state;   // on the page now: a navigation from here keeps it
            filled.complete(level.fills);
            return level.node;
        }, () -> {
            LevelState loading = new LevelState(match, parent, soFar);
            return match.level().loadingView() == null ? fragment() : renderLoading(match.level(), contextOf(match, request, loading));
        }, above != null ? above : Navigator::streamedLevelFailed);
        return place;
    }

    /** Shown for a streamed level that failed with no error boundary above it: the levels above are already on the page. */
    private static Node streamedLevelFailed(Throwable error) {
        String id = error instanceof DeferredFailedException d ? " (error id " + d.errorId() + ")" : "";
        return p(attr("role", "alert"), text("This part of the page could not be loaded" + id + "."));
    }

    /** The loading view of the nearest level at or above {@code state} that has one, as an await's fallback; null: none. */
    Supplier<Node> loadingAt(LevelState state, PageRequest request) {
        for (LevelState s = state; s != null; s = s.parent) {
            if (s.match.level().loadingView() != null) {
                LevelState at = s;
                return () -> renderLoading(at.match.level(), contextOf(at.match, request, at));
            }
        }
        return null;
    }

    /**
     * The named outlet {@code name} of the layout {@code state}: what its child on the page fills
     * it with, following the child as navigations change it.
     */
    Node namedOutlet(LevelState state, String name) {
        if (!state.match.level().isLayout()) {
            throw new IllegalStateException(state.match.level() + " is a page: only a layout has outlets");
        }
        return Components.when(() -> state.child == null ? null : state.child.get(),
                child -> child.fillsLater == null ? child.fills.getOrDefault(name, fragment())
                        // a child behind its loading view: its fill streams (or patches) in with it
                        : new Await<>(child.fillsLater, fills -> fills.getOrDefault(name, fragment()), Html::fragment, error -> fragment()),
                Html::fragment);
    }

    private static void failureOf(Level<?> level, Map<Loader<?, ?>, LoaderResults.Outcome> results) {
        for (Loader<?, ?> loader : level.loaders()) {
            if (results.get(loader) instanceof LoaderResults.Outcome.Failed failed) {
                throw new LoaderFailedException(loader.name(), failed.error());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private <P extends Record> RouteContext<P> contextOf(MatchedLevel match, PageRequest request, LevelState state) {
        return new RouteContext<>((P) match.params(), request, state, this);
    }

    /**
     * Runs {@code view} now, in the page's scope and in a root of its own that is released when the
     * node it returns leaves the page (the region showing it renders something else). What a level's function creates
     * (a query, a stream, an effect) needs an owner, and must live exactly as long as the level is
     * shown: on a first load as after a live navigation, where no component is rendering yet.
     */
    private Node owned(Supplier<Node> view) {
        Node[] node = new Node[1];
        Disposable root = Reactive.createRoot(dispose -> {
            try {
                node[0] = Scope.run(scope, view);
            } catch (RuntimeException e) {
                dispose.dispose();
                throw e;
            }
            return dispose;
        });
        return (Control) target -> {
            Reactive.onCleanup(root::dispose);
            target.render(node[0]);
        };
    }

    @SuppressWarnings("unchecked")
    private static <P extends Record> Node render(Level<P> level, RouteContext<?> ctx, Node outlet) {
        return level.render((RouteContext<P>) ctx, outlet);
    }

    @SuppressWarnings("unchecked")
    private static <P extends Record> Node renderLoading(Level<P> level, RouteContext<?> ctx) {
        return level.loadingView().render((RouteContext<P>) ctx);
    }

    @SuppressWarnings("unchecked")
    private <P extends Record> Map<String, Node> fillsOf(Level<P> level, RouteContext<?> ctx) {
        Map<String, Node> fills = new LinkedHashMap<>();
        level.fills().forEach((name, view) -> fills.put(name, owned(() -> view.render((RouteContext<P>) ctx))));
        return fills;
    }

    @SuppressWarnings("unchecked")
    private static <P extends Record> void addTasks(MatchedLevel match, List<LoaderResults.Task<?>> tasks,
                                                    java.util.function.Predicate<Loader<?, ?>> which) {
        Level<P> level = (Level<P>) match.level();
        for (Loader<P, ?> loader : level.loaders()) {
            if (which.test(loader)) {
                tasks.add(new LoaderResults.Task<>(loader, (P) match.params()));
            }
        }
    }

    /** Off the session's thread. */
    private Map<Loader<?, ?>, LoaderResults.Outcome> load(List<LoaderResults.Task<?>> tasks, PageRequest request, boolean readCache) {
        try {
            return LoaderResults.run(tasks, loaderShared(request), tree.loaderDeadline(), tree.loaderCache(), readCache);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Map<Loader<?, ?>, LoaderResults.Outcome> failed = new HashMap<>();
            tasks.forEach(t -> failed.put(t.loader(), new LoaderResults.Outcome.Failed(e)));
            return failed;
        }
    }

    /** Runs {@code task} on the session; {@code gone} if the session has ended meanwhile. */
    private void post(Runnable task, Runnable gone) {
        try {
            context.post(task);
        } catch (RejectedExecutionException e) {
            gone.run();
        }
    }

    // ---- reading a URL ------------------------------------------------------------------------

    /** A URL the tree renders: its levels with their params, and the request its loaders get. */
    private record Planned(List<MatchedLevel> matches, PageRequest request) {
    }

    /** The levels {@code url} leads to; empty when it is not a page of the tree (a full page load then answers it). */
    private Optional<Planned> plan(String url) {
        int q = url.indexOf('?');
        String rawPath = q < 0 ? url : url.substring(0, q);
        String rawQuery = q < 0 ? "" : url.substring(q + 1);
        Map<String, List<String>> query;
        String path;
        try {
            path = URI.create(rawPath).getPath();
            query = query(rawQuery);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!(tree.resolve(rawPath).orElse(null) instanceof RouteTree.Resolution.Chain chain)) {
            return Optional.empty();
        }
        List<MatchedLevel> matches = new ArrayList<>();
        for (Level<?> level : chain.levels()) {
            Optional<? extends Record> params = level.route().parse(chain.pathParams(), query);
            if (params.isEmpty()) {
                return Optional.empty();   // a 404: the full page shows the tree's not-found page
            }
            matches.add(new MatchedLevel(level, params.get()));
        }
        return Optional.of(new Planned(matches, new PageRequest("GET", path, query, Map.of())));
    }

    private static PageRequest requestFor(String url) {
        int q = url.indexOf('?');
        try {
            return new PageRequest("GET", URI.create(q < 0 ? url : url.substring(0, q)).getPath(), query(q < 0 ? "" : url.substring(q + 1)), Map.of());
        } catch (IllegalArgumentException e) {
            return new PageRequest("GET", "/", Map.of(), Map.of());
        }
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return query;
    }

    // ---- answers ------------------------------------------------------------------------------

    private void answer(ObjectNode json) {
        answer.set(json.toString());
    }

    private static ObjectNode answerOf(long id, NavigationMode mode) {
        ObjectNode json = JSON.createObjectNode();
        json.put(LiveProtocol.Router.ID, id);
        json.put(LiveProtocol.Router.MODE, mode.wire());
        return json;
    }

    private static ObjectNode committed(long id, NavigationMode mode, String url, String title, String description) {
        ObjectNode json = answerOf(id, mode).put(LiveProtocol.Router.URL, url).put(LiveProtocol.Router.TITLE, title);
        if (description != null) {
            json.put(LiveProtocol.Router.DESCRIPTION, description);
        }
        return json;
    }

    private static ObjectNode fullLoad(long id, NavigationMode mode, String url) {
        return answerOf(id, mode).put(LiveProtocol.Router.URL, url).put(LiveProtocol.Router.FULL_LOAD, 1);
    }

    private static ObjectNode cancelled(long id, NavigationMode mode) {
        return answerOf(id, mode).put(LiveProtocol.Router.CANCELLED, 1);
    }

    private static ObjectNode blocked(long id, NavigationMode mode, String url, String question) {
        return answerOf(id, mode).put(LiveProtocol.Router.URL, url).put(LiveProtocol.Router.BLOCKED, question);
    }
}
