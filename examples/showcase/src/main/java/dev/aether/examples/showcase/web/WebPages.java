package dev.aether.examples.showcase.web;

import dev.aether.examples.showcase.DemoAuthenticator;
import dev.aether.reactive.Reactive;
import dev.aether.titan.event.EventBus;
import dev.aether.titan.event.InProcessEventBus;
import dev.aether.web.AetherWeb;
import java.util.List;

/**
 * The example application's live pages, mounted into its Titan.
 *
 * <pre>{@code
 * Titan.builder().mount(WebPages.create()).build().start();   // http://127.0.0.1:8080/
 * }</pre>
 */
public final class WebPages {
    /** Every page, in navigation order; {@link #create()} serves exactly these paths. */
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
        SignupsPage signups = SignupsPage.listeningTo(events);
        CounterPage counter = new CounterPage(Reactive.sharedSignal(0));
        TodoPage todos = new TodoPage(new TodoStore());
        return AetherWeb.builder()
                .page("/", request -> HomePage.page())
                .page("/counter", counter::page).action("/counter", counter::post)
                .page("/todos", todos::page).action("/todos", todos::post)
                .page("/signup", SignupPage::page).action("/signup", SignupPage::post)
                .page("/stocks", StocksPage::page)
                .page("/signups", signups::page)
                .page("/team", team::page).principalFromCookie(TeamPage.COOKIE, new DemoAuthenticator()::validateToken)
                .build();
    }
}
