package dev.aether.web.router;

import dev.aether.web.safety.SitePath;
import dev.aether.web.html.Control;
import dev.aether.web.html.Element;
import dev.aether.web.html.Part;
import dev.aether.web.html.RenderTarget;
import dev.aether.web.protocol.LiveProtocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static dev.aether.web.html.Html.*;

/**
 * A link to a route of the tree: an ordinary {@code <a href>} (a full page load without
 * JavaScript) that the router's runtime follows live, over the page's live channel. A click with
 * a modifier key (ctrl, meta, shift, alt) or another button than the first, a {@code target}
 * other than {@code _self}, a {@code download} link and a link to another origin are left to the
 * browser. On a page of a route tree its active classes follow the page's location as it changes,
 * and the runtime prefetches its page ({@link #prefetch}: on hover or focus by default).
 * Immutable: each option returns a new link.
 *
 * <pre>{@code
 * import static dev.aether.web.router.Links.to;
 *
 * nav(to(USER, new UserParams(42, Optional.empty()), text("Profile")).activeClass("active"),
 *     to(HOME, NoParams.NONE, text("Home")).exactActiveClass("here").replace(),
 *     to(REPORTS, NoParams.NONE, text("Reports")).prefetch(Link.Prefetch.VIEWPORT))
 * }</pre>
 */
public final class Link implements Control {
    /**
     * When the runtime prefetches a link: runs its page's loaders into the server's cache, so that
     * following it waits for none of them. The server bounds how much a page may prefetch
     * ({@link PrefetchLimits}) and runs the target's guards first.
     */
    public enum Prefetch {
        /** When the pointer rests on the link, or it has the focus, for 100 ms (the default). */
        INTENT(LiveProtocol.Router.INTENT),
        /** Once the link scrolls into view. */
        VIEWPORT(LiveProtocol.Router.VIEWPORT),
        /** As soon as the link is on the page. */
        RENDER(LiveProtocol.Router.RENDER),
        /** Never. */
        NONE(LiveProtocol.Router.NONE);

        private final String wire;

        Prefetch(String wire) {
            this.wire = wire;
        }
    }

    private final String href;
    private final List<Part> parts;
    private final String activeClass;
    private final String exactActiveClass;
    private final boolean replace;
    private final boolean scroll;
    private final String state;
    private final boolean transition;
    private final Prefetch prefetch;

    private Link(String href, List<Part> parts, String activeClass, String exactActiveClass, boolean replace, boolean scroll,
                 String state, boolean transition, Prefetch prefetch) {
        this.href = href;
        this.parts = List.copyOf(parts);
        this.activeClass = activeClass;
        this.exactActiveClass = exactActiveClass;
        this.replace = replace;
        this.scroll = scroll;
        this.state = state;
        this.transition = transition;
        this.prefetch = prefetch;
    }

    /** A link to {@code href} (a path of this site, as {@link Links#link} builds it) with {@code parts} (children, attributes). */
    static Link to(String href, Part... parts) {
        String refused = SitePath.whyNot(href);
        if (refused != null) {
            throw new IllegalArgumentException("a Link goes to a path of this site: " + refused);
        }
        return new Link(href, List.of(parts), null, null, false, true, null, false, Prefetch.INTENT);
    }

    /** Adds {@code name} while the page's path is this link's path or below it ({@code /} only when exactly {@code /}). */
    public Link activeClass(String name) {
        return new Link(href, parts, Objects.requireNonNull(name, "name"), exactActiveClass, replace, scroll, state, transition, prefetch);
    }

    /** Adds {@code name} while the page's path is exactly this link's path. */
    public Link exactActiveClass(String name) {
        return new Link(href, parts, activeClass, Objects.requireNonNull(name, "name"), replace, scroll, state, transition, prefetch);
    }

    /** Replaces the current history entry instead of adding one. */
    public Link replace() {
        return new Link(href, parts, activeClass, exactActiveClass, true, scroll, state, transition, prefetch);
    }

    /** Keeps the scroll position (by default a navigation scrolls to the top, or to the URL's fragment). */
    public Link noScroll() {
        return new Link(href, parts, activeClass, exactActiveClass, replace, false, state, transition, prefetch);
    }

    /** {@code json} (a JSON value) is kept in the new history entry's state ({@code history.state.user}). */
    public Link state(String json) {
        return new Link(href, parts, activeClass, exactActiveClass, replace, scroll, Objects.requireNonNull(json, "json"), transition, prefetch);
    }

    /**
     * The change is wrapped in {@code document.startViewTransition} where the browser has it. The
     * old page stays frozen on screen while the next one loads, so use it for quick pages.
     */
    public Link viewTransition() {
        return new Link(href, parts, activeClass, exactActiveClass, replace, scroll, state, true, prefetch);
    }

    /** When the runtime prefetches this link (by default {@link Prefetch#INTENT}). */
    public Link prefetch(Prefetch mode) {
        return new Link(href, parts, activeClass, exactActiveClass, replace, scroll, state, transition, Objects.requireNonNull(mode, "mode"));
    }

    public String href() {
        return href;
    }

    @Override
    public void render(RenderTarget target) {
        List<Part> all = new ArrayList<>();
        all.add(dev.aether.web.html.Html.href(href));
        all.add(attr(LiveProtocol.Router.LINK, true));
        if (replace) {
            all.add(attr(LiveProtocol.Router.REPLACE, true));
        }
        if (!scroll) {
            all.add(attr(LiveProtocol.Router.NO_SCROLL, true));
        }
        if (state != null) {
            all.add(attr(LiveProtocol.Router.STATE, state));
        }
        if (transition) {
            all.add(attr(LiveProtocol.Router.TRANSITION, true));
        }
        if (prefetch != Prefetch.INTENT) {
            all.add(attr(LiveProtocol.Router.PREFETCH, prefetch.wire));
        }
        Navigator navigator = Navigator.CURRENT.use();
        String path = pathOf(href);
        if (activeClass != null && navigator != null) {   // outside a routed page there is no location to compare with
            all.add(classIf(activeClass, () -> isActive(path, pathOf(navigator.location().get()))));
        }
        if (exactActiveClass != null && navigator != null) {
            all.add(classIf(exactActiveClass, () -> path.equals(pathOf(navigator.location().get()))));
        }
        all.addAll(parts);
        Element a = a(all.toArray(Part[]::new));
        target.render(a);
    }

    /** Segment-prefix match: {@code /users} is active on {@code /users} and {@code /users/42}, not on {@code /usersx}; {@code /} only on {@code /}. */
    static boolean isActive(String linkPath, String currentPath) {
        if (linkPath.equals("/")) {
            return currentPath.equals("/");
        }
        String base = linkPath.endsWith("/") ? linkPath.substring(0, linkPath.length() - 1) : linkPath;
        return currentPath.equals(base) || currentPath.startsWith(base + "/");
    }

    private static String pathOf(String url) {
        int cut = url.length();
        for (char c : new char[] {'?', '#'}) {
            int i = url.indexOf(c);
            if (i >= 0 && i < cut) {
                cut = i;
            }
        }
        return url.substring(0, cut);
    }

    @Override
    public String toString() {
        return "Link[" + href + "]";
    }
}
