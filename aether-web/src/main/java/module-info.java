/**
 * Aether's web layer: the page author's API in {@code dev.aether.web}
 * ({@link dev.aether.web.AetherWeb}, {@link dev.aether.web.Page}), the HTML DSL in
 * {@code dev.aether.web.html} (a static import), components in {@code dev.aether.web.component},
 * server-side rendering in {@code dev.aether.web.ssr} and the router in {@code dev.aether.web.router}.
 * The live session machinery is internal, as are the layers below the exported packages: the live
 * protocol's constants ({@code dev.aether.web.protocol}), the output-safety rules
 * ({@code dev.aether.web.safety}) and the HTML renderer ({@code dev.aether.web.render}).
 */
module dev.aether.web {
    requires transitive dev.aether.reactive;
    requires transitive dev.aether.titan;
    requires com.fasterxml.jackson.databind;
    requires com.github.benmanes.caffeine;
    requires io.github.resilience4j.ratelimiter;
    requires jakarta.validation;
    requires org.hibernate.validator;
    requires org.eclipse.jetty.websocket.core.server;
    requires org.slf4j;

    exports dev.aether.web;
    exports dev.aether.web.component;
    exports dev.aether.web.html;
    exports dev.aether.web.router;
    exports dev.aether.web.ssr;
    // The live session machinery (dev.aether.web.live) is served on Jetty's websocket-core, which
    // calls its frame handlers like any object: unlike Jetty's listener API it needs no export.
}
