package dev.aether.web;

import dev.aether.titan.Mount;
import dev.aether.titan.Principal;
import dev.aether.titan.TitanSettings;
import dev.aether.web.live.EventRateLimit;
import dev.aether.web.live.LiveHandlers;
import dev.aether.web.protocol.LiveProtocol;
import dev.aether.web.router.RouteTree;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;

/**
 * Live pages, mounted into Titan's server. A GET of a page's path renders it on the server —
 * streamed, shell first — inside a new live session; the page's tiny runtime then opens a
 * WebSocket back to that session, and from then on DOM events run Java handlers and only the
 * bindings whose signals changed send patches. Without JavaScript the same page is plain HTML:
 * links navigate, forms post to the page's action.
 *
 * <pre>{@code
 * AetherWeb web = AetherWeb.builder()
 *         .page("/", request -> Page.of("Counter", () -> component(Counter::render, null)))
 *         .page("/signup", request -> signupPage(SignupForm.empty()))
 *         .action("/signup", request -> {                       // the form posted without JavaScript
 *             SignupForm form = SignupForm.from(request);
 *             return form.valid() ? ActionResult.redirect("/welcome") : ActionResult.invalid(signupPage(form));
 *         })
 *         .build();
 * Titan.builder().mount(web).build().start();
 * }</pre>
 *
 * <p>What it serves: the pages and actions given here, {@code /_aether/runtime.js} (the runtime,
 * cached for a year under a versioned URL) and {@code /_aether/live} (the live channel: the
 * session token, the cookie of the browser the page was rendered for, and a same-site Origin are
 * checked). Every other request goes on to Netron. Posts need the CSRF field the renderer puts
 * into every {@code method="post"} form. Each session may send {@linkplain Builder#eventRateLimit
 * 100 events a second}; docs/ui.md lists every limit and default.
 *
 * <p>Sessions: one per rendered page, on its own serial reactive context. A session whose
 * connection dropped is kept for the {@linkplain Builder#gracePeriod grace period} (30 s by
 * default), so a reconnect resumes it with nothing lost; then it ends and frees everything. At most
 * {@linkplain Builder#maxSessions 50,000} are held; beyond that, pages are served without the live
 * runtime and work as they do without JavaScript.
 */
public final class AetherWeb implements Mount {
    private final Map<String, Function<PageRequest, Page>> pages;
    private final Map<String, Function<PageRequest, ActionResult>> actions;
    private final RouteTree routes;
    private final Duration grace;
    private final int maxBufferedFrames;
    private final int maxSessions;
    private final Function<String, String> scriptPolicy;
    private final EventRateLimit eventRate;
    private final Set<String> trustedProxies;
    private final PrincipalCookie principalCookie;
    private volatile LiveHandlers live;

    private AetherWeb(Builder b) {
        this.pages = Map.copyOf(b.pages);
        this.actions = Map.copyOf(b.actions);
        this.routes = b.routes;
        this.grace = b.grace;
        this.maxBufferedFrames = b.maxBufferedFrames;
        this.maxSessions = b.maxSessions;
        this.scriptPolicy = b.scriptPolicy;
        this.eventRate = b.eventRate;
        this.trustedProxies = b.trustedProxies;
        this.principalCookie = b.principalCookie;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Handler wrap(Server server, Handler next, TitanSettings settings) {
        LiveHandlers live = LiveHandlers.wrap(server, next, settings, new LiveHandlers.Options(pages, actions, routedPages(), routedActions(), routedErrorPage(), grace,
                maxBufferedFrames, maxSessions, eventRate, scriptPolicy, trustedProxies, principalCookie));
        this.live = live;
        return live.handler();
    }

    private Function<String, Optional<Function<PageRequest, ActionResult>>> routedPages() {
        RouteTree tree = routes;
        return tree == null ? rawPath -> Optional.empty() : tree::handlerFor;
    }

    private Function<String, Optional<Function<PageRequest, ActionResult>>> routedActions() {
        RouteTree tree = routes;
        return tree == null ? rawPath -> Optional.empty() : tree::actionFor;
    }

    private BiFunction<PageRequest, String, Page> routedErrorPage() {
        RouteTree tree = routes;
        return tree == null ? null : tree.errorPage().<BiFunction<PageRequest, String, Page>>map(page -> page::render).orElse(null);
    }

    @Override
    public void stop() {
        LiveHandlers handlers = live;
        if (handlers != null) {
            handlers.stop();
        }
    }

    /**
     * The policy pages get by default: everything from this origin only ({@code default-src 'self'}:
     * images, fonts, connections, frames); scripts only from this origin or with the response's
     * nonce (the DSL writes no script, so an injected one does not run, even through
     * {@code dangerouslyUnescapedHtml}); styles from this origin or inline (the DSL's {@code style}
     * attributes and bindings; a nonce would turn inline style attributes off); no plugins; forms
     * post, and {@code <base>} points, only to this origin; framing only by this origin.
     */
    public static String defaultContentSecurityPolicy(String nonce) {
        return "default-src 'self'; script-src 'self' 'nonce-" + nonce + "'; style-src 'self' 'unsafe-inline'; object-src 'none'; "
                + "base-uri 'self'; form-action 'self'; frame-ancestors 'self'";
    }

    /** Live sessions held now (rendered pages not yet ended). */
    public int liveSessions() {
        LiveHandlers handlers = live;
        return handlers == null ? 0 : handlers.sessionCount();
    }

    /**
     * The paths of the pages, in no particular order: for checking a listing of them (a menu, a
     * startup banner) against what is served.
     *
     * <pre>{@code
     * assertThat(web.pagePaths()).containsExactlyInAnyOrder("/", "/counter");
     * }</pre>
     */
    public Set<String> pagePaths() {
        return pages.keySet();
    }

    @Override
    public String toString() {
        return "AetherWeb" + pages.keySet();
    }

    /** Configures an {@link AetherWeb}. */
    public static final class Builder {
        private final Map<String, Function<PageRequest, Page>> pages = new LinkedHashMap<>();
        private final Map<String, Function<PageRequest, ActionResult>> actions = new LinkedHashMap<>();
        private RouteTree routes;
        private Duration grace = Duration.ofSeconds(30);
        private int maxBufferedFrames = 512;
        private int maxSessions = 50_000;
        private Function<String, String> scriptPolicy = AetherWeb::defaultContentSecurityPolicy;
        private EventRateLimit eventRate = EventRateLimit.DEFAULT;
        private Set<String> trustedProxies = Set.of();
        private PrincipalCookie principalCookie;

        private Builder() {
        }

        /** Serves the page {@code render} makes for a GET of {@code path} (exact match). */
        public Builder page(String path, Function<PageRequest, Page> render) {
            pages.put(path(path), Objects.requireNonNull(render, "render"));
            return this;
        }

        /**
         * Serves the pages of {@code tree} (docs/router.md): patterns with typed params, nested
         * layouts, loaders run in parallel. A {@link #page} or {@link #action} of the same exact
         * path is served first; a URL the tree does not match goes on to Netron's routes.
         *
         * <pre>{@code
         * AetherWeb.builder().routes(RouteTree.builder().page(Level.page(Route.of("/"), "Home", ctx -> h1(text("Hi")))).build())
         * }</pre>
         */
        public Builder routes(RouteTree tree) {
            if (this.routes != null) {
                throw new IllegalStateException("routes(...) is given once: declare every page in one RouteTree");
            }
            this.routes = Objects.requireNonNull(tree, "tree");
            return this;
        }

        /** Handles a POST of {@code path}: a form submitted without the live channel. */
        public Builder action(String path, Function<PageRequest, ActionResult> action) {
            actions.put(path(path), Objects.requireNonNull(action, "action"));
            return this;
        }

        /** How long a session without a connection is kept for a reconnect (default 30 s). */
        public Builder gracePeriod(Duration grace) {
            if (grace == null || grace.isNegative() || grace.isZero()) {
                throw new IllegalArgumentException("gracePeriod must be positive, got " + grace);
            }
            this.grace = grace;
            return this;
        }

        /** Frames a session keeps for a browser that has not acknowledged them (default 512); an older one reloads. */
        public Builder maxBufferedFrames(int frames) {
            if (frames < 1) {
                throw new IllegalArgumentException("maxBufferedFrames must be at least 1, got " + frames);
            }
            this.maxBufferedFrames = frames;
            return this;
        }

        /**
         * The most live sessions held at once (default 50,000). An idle session takes about 15 KB
         * of heap (docs/BENCHMARKS.md), so the default is about 750 MB: size it to your heap. At the
         * limit, pages are still rendered and served, without their live runtime: they work as they
         * do without JavaScript (links, form posts) until sessions end and free room.
         */
        public Builder maxSessions(int sessions) {
            if (sessions < 1) {
                throw new IllegalArgumentException("maxSessions must be at least 1, got " + sessions);
            }
            this.maxSessions = sessions;
            return this;
        }

        /**
         * The {@code Content-Security-Policy} of every page, made from that response's nonce,
         * which Aether's own scripts (the runtime and the streaming swaps) carry; {@code null}
         * sends none. The default is {@link #defaultContentSecurityPolicy}:
         *
         * <pre>{@code
         * AetherWeb.builder().contentSecurityPolicy(nonce ->
         *         AetherWeb.defaultContentSecurityPolicy(nonce) + "; img-src 'self' data: https://cdn.example")
         * }</pre>
         */
        public Builder contentSecurityPolicy(Function<String, String> policyForNonce) {
            this.scriptPolicy = policyForNonce;
            return this;
        }

        /**
         * How many events one live session may send (default 100 per second, in bursts of up to
         * 100). An event over the limit is not run: the browser gets an error patch for it and the
         * page stays live. A page that sends events as fast as it can (a script, a stuck key) thus
         * costs the server little, and every other session stays responsive.
         *
         * <pre>{@code
         * AetherWeb.builder().eventRateLimit(300, Duration.ofSeconds(1))   // a drawing app
         * }</pre>
         */
        public Builder eventRateLimit(int events, Duration period) {
            this.eventRate = new EventRateLimit(events, period);
            return this;
        }

        /**
         * The addresses of the reverse proxies in front of the server (none by default): from them,
         * and only from them, {@code X-Forwarded-Proto: https} is believed, and the cookies of the
         * pages they forward are marked {@code Secure}, as they are for a request that came over
         * HTTPS directly.
         *
         * <pre>{@code
         * AetherWeb.builder().trustedProxies("127.0.0.1")   // nginx on the same host terminates TLS
         * }</pre>
         */
        public Builder trustedProxies(String... addresses) {
            this.trustedProxies = Set.copyOf(List.of(addresses));   // a repeated address is fine; null is not
            return this;
        }

        /**
         * Who visits a page: the principal {@code validate} gives for the value of the cookie
         * {@code name} (a session token, say), read when the page is rendered and kept by its live
         * session ({@link LivePage#principal()}); without the cookie, or when {@code validate}
         * gives nothing, the page is anonymous. By default every page is.
         *
         * <pre>{@code
         * AetherWeb.builder().principalFromCookie("session", authenticator::validateToken)
         * }</pre>
         */
        public Builder principalFromCookie(String name, Function<String, Optional<Principal>> validate) {
            this.principalCookie = new PrincipalCookie(name, validate);
            return this;
        }

        public AetherWeb build() {
            return new AetherWeb(this);
        }

        private static String path(String path) {
            if (path == null || !path.startsWith("/") || path.startsWith(LiveProtocol.Paths.RESERVED_PREFIX)) {
                throw new IllegalArgumentException("a page path starts with / and not with " + LiveProtocol.Paths.RESERVED_PREFIX + ", got " + path);
            }
            return path;
        }
    }
}
