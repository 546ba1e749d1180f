package dev.aether.web.ssr;

import dev.aether.web.Page;
import dev.aether.web.component.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The document head, filled from the {@link Page} and from components while the shell renders
 * ({@code Head.title("Orders")}, {@code Head.meta("description", "...")}); the last call wins.
 * Values are escaped.
 */
public final class Head {
    static final Context<Head> CURRENT = Context.create(null);

    private String title;
    private final Map<String, String> meta = new LinkedHashMap<>();

    Head(Page page) {
        this.title = page.title();
        this.meta.putAll(page.meta());
    }

    /**
     * The head of {@code page}, provided in {@code scope} so that components rendered below it can
     * set the title and meta tags. For renderers (SSR, live pages); applications call {@link #title}.
     */
    public static Head open(Page page, dev.aether.web.component.Scope scope) {
        Head head = new Head(page);
        scope.provide(CURRENT, head);
        return head;
    }

    /** Sets the page title from inside a component. */
    public static void title(String title) {
        require().title = title;
    }

    /** Sets {@code <meta name=... content=...>} from inside a component. */
    public static void meta(String name, String content) {
        require().meta.put(name, content);
    }

    private static Head require() {
        Head head = CURRENT.use();
        if (head == null) {
            throw new IllegalStateException("Head is only available while a page renders (Ssr.renderPage / streamPage)");
        }
        return head;
    }

    String title() {
        return title;
    }

    Map<String, String> meta() {
        return meta;
    }
}
