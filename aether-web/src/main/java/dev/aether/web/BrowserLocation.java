package dev.aether.web;

import dev.aether.web.component.Context;

/**
 * Sends the browser showing a live page to another URL, as a full page load. The live session
 * provides it to everything its page renders ({@link #CURRENT}); a page rendered without a
 * session (nothing to send it over) gets {@link #NONE}, which refuses.
 *
 * <pre>{@code
 * BrowserLocation browser = BrowserLocation.CURRENT.use();   // while rendering
 * button(on("click", () -> browser.load("/welcome")), text("Go"))
 * }</pre>
 */
@FunctionalInterface
public interface BrowserLocation {
    /** Where nothing can be sent: a page rendered outside a live session. */
    BrowserLocation NONE = location -> {
        throw new IllegalStateException("this page is not live: nothing can send the browser to " + location);
    };

    /** The browser of the page being rendered. */
    Context<BrowserLocation> CURRENT = Context.create(NONE);

    /** Loads {@code location} (a path on this site) in place of the page. */
    void load(String location);
}
