package dev.aether.examples.showcase.web;

import dev.aether.examples.showcase.DemoAuthenticator;
import dev.aether.reactive.Reactive;
import dev.aether.titan.event.EventBus;
import dev.aether.titan.event.InProcessEventBus;
import dev.aether.web.AetherWeb;
import dev.aether.web.router.Level;
import dev.aether.web.router.NoParams;
import dev.aether.web.router.Route;
import dev.aether.web.router.RouteTree;
import java.util.List;
import java.util.Optional;

/**
 * The example application's live pages, mounted into its Titan: one route tree, every page inside
 * the root layout ({@link Layout}: the top bar and the navigation), each form declared once
 * (docs/router.md, "Forms and actions").
 *
 * <pre>{@code
 * Titan.builder().mount(WebPages.create()).build().start();   // http://127.0.0.1:8080/
 * link(WebPages.COUNTER, new WebPages.CounterParams(Optional.of(3)))   // "/counter?count=3"
 * }</pre>
 */
public final class WebPages {
    /** The counter's own count, in the URL: what the page shows after a click. */
    public record CounterParams(Optional<Integer> count) {
        public static final CounterParams START = new CounterParams(Optional.empty());
    }

    /** Who just signed up, to welcome them. */
    public record SignupParams(Optional<String> welcome) {
        public static final SignupParams FORM = new SignupParams(Optional.empty());
    }

    /** The stocks filter ({@code ?q=}). */
    public record StocksParams(Optional<String> q) {
    }

    public static final Route<NoParams> HOME = Route.of("/");
    public static final Route<CounterParams> COUNTER = Route.of("/counter", CounterParams.class);
    public static final Route<NoParams> TODOS = Route.of("/todos");
    public static final Route<SignupParams> SIGNUP = Route.of("/signup", SignupParams.class);
    public static final Route<StocksParams> STOCKS = Route.of("/stocks", StocksParams.class);
    public static final Route<NoParams> SIGNUPS = Route.of("/signups");
    public static final Route<NoParams> TEAM = Route.of("/team");

    /** Every page, in navigation order; {@link #routes} serves exactly these paths. */
    public static final List<PageLink> PAGES = List.of(
            new PageLink("/", "Home", "what each page shows"),
            new PageLink("/counter", "Counter", "per-page state, and one counter shared by every open page"),
            new PageLink("/todos", "Todos", "a keyed list: add, toggle, remove, reorder"),
            new PageLink("/signup", "Sign up", "a form validated as you type"),
            new PageLink("/stocks", "Stocks", "table rows from a compiled template, filtered as you type"),
            new PageLink("/signups", "Sign-ups", "new users appear as the users service creates them (a live event)"),
            new PageLink("/team", "Team", "aether-state: a query, an optimistic mutation and a preference kept in localStorage"));

    private WebPages() {
    }

    /** The pages, with a sign-ups page nothing feeds (for tests that only need the routes). */
    public static AetherWeb create() {
        return create(new InProcessEventBus());
    }

    /** The pages; the sign-ups page listens to {@code events}, the bus the users service emits on. */
    public static AetherWeb create(EventBus events) {
        return create(events, new TeamPage());
    }

    /** The pages; the team page calls the services once {@link TeamPage#connect} has been called. */
    public static AetherWeb create(EventBus events, TeamPage team) {
        return AetherWeb.builder().routes(routes(events, team))
                .principalFromCookie(TeamPage.COOKIE, new DemoAuthenticator()::validateToken)
                .build();
    }

    /** The route tree: the root layout around every page. */
    public static RouteTree routes(EventBus events, TeamPage team) {
        SignupsPage signups = SignupsPage.listeningTo(events);
        CounterPage counter = new CounterPage(Reactive.sharedSignal(0));
        TodoPage todos = new TodoPage(new TodoStore());
        return RouteTree.builder()
                .layout(Layout.level(), site -> site
                        .page(page(HomePage.level(), "/"))
                        .page(page(counter.level(), "/counter"))
                        .page(page(todos.level(), "/todos"))
                        .page(page(SignupPage.level(), "/signup"))
                        .page(page(StocksPage.level(), "/stocks"))
                        .page(page(signups.level(), "/signups"))
                        .page(page(team.level(), "/team")))
                .build();
    }

    /** {@code level} with the description of its {@link PageLink}. */
    private static Level<?> page(Level<?> level, String path) {
        return level.description("Aether showcase: " + link(path).summary());
    }

    /** The page at {@code path} as the navigation lists it. */
    static PageLink link(String path) {
        return PAGES.stream().filter(p -> p.path().equals(path)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a page of the showcase: " + path));
    }

    /** The document title of the page at {@code path}. */
    static String title(String path) {
        return link(path).title() + " – Aether showcase";
    }
}
