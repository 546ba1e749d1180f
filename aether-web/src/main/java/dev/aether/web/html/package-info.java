/**
 * The HTML DSL: elements, attributes, text and event handlers as plain Java values, escaped when
 * rendered. The entry type is {@link dev.aether.web.html.Html}, used as one static import; a
 * lambda where a value goes ({@code text(() -> …)}) is a binding a live page keeps up to date.
 *
 * <pre>{@code
 * import static dev.aether.web.html.Html.*;
 *
 * Node card = div(cls("card"),
 *         h2(text(user.name())),                            // escaped
 *         a(href("/users/" + user.id()), text("Profile")),  // URL checked by UrlPolicy
 *         button(on("click", () -> count.update(n -> n + 1)), text(() -> "Liked " + count.get())));
 * }</pre>
 */
package dev.aether.web.html;

import dev.aether.web.safety.UrlPolicy;
