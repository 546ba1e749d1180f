package dev.aether.examples.showcase.web;

import dev.aether.reactive.SharedSignal;
import dev.aether.web.live.AetherWeb;

/**
 * The example application's live pages, mounted into its Titan.
 *
 * <pre>{@code
 * Titan.builder().mount(WebPages.create()).build().start();   // http://127.0.0.1:8080/
 * }</pre>
 */
public final class WebPages {
    private WebPages() {
    }

    public static AetherWeb create() {
        CounterPage counter = new CounterPage(SharedSignal.of(0));
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
