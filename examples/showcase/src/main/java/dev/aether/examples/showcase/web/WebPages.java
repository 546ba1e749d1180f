package dev.aether.examples.showcase.web;

import dev.aether.reactive.Reactive;
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
            new PageLink("/stocks", "Stocks", "table rows from a compiled template, filtered as you type"));

    private WebPages() {
    }

    public static AetherWeb create() {
        CounterPage counter = new CounterPage(Reactive.sharedSignal(0));
        TodoPage todos = new TodoPage(new TodoStore());
        return AetherWeb.builder()
                .page("/", request -> HomePage.page())
                .page("/counter", counter::page).action("/counter", counter::post)
                .page("/todos", todos::page).action("/todos", todos::post)
                .page("/signup", SignupPage::page).action("/signup", SignupPage::post)
                .page("/stocks", StocksPage::page)
                .build();
    }
}
