package dev.aether.web.html;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The HTML DSL in one static import.
 *
 * <pre>{@code
 * import static dev.aether.web.html.Html.*;
 *
 * Node view = div(cls("card"), classIf("busy", busy::get),
 *         h1(text(() -> user.get().name())),
 *         button(attr("disabled", busy::get), on("click", e -> save()), text("Save")));
 * }</pre>
 *
 * Every text and attribute value is escaped; URL attributes follow {@link UrlPolicy}; style
 * values follow {@link StylePolicy}; names are validated by {@link Names}. The one way to emit
 * markup unescaped is {@link #dangerouslyUnescapedHtml(String)}.
 */
public final class Html {
    private Html() {
    }

    /** Any whitelisted element or custom element ({@code my-widget}); see {@link Names#TAGS}. */
    public static Element el(String tag, Part... parts) {
        return Element.of(tag, parts);
    }

    public static Element div(Part... parts) {
        return Element.of("div", parts);
    }

    public static Element span(Part... parts) {
        return Element.of("span", parts);
    }

    public static Element p(Part... parts) {
        return Element.of("p", parts);
    }

    public static Element a(Part... parts) {
        return Element.of("a", parts);
    }

    public static Element button(Part... parts) {
        return Element.of("button", parts);
    }

    public static Element input(Part... parts) {
        return Element.of("input", parts);
    }

    public static Element form(Part... parts) {
        return Element.of("form", parts);
    }

    public static Element label(Part... parts) {
        return Element.of("label", parts);
    }

    public static Element ul(Part... parts) {
        return Element.of("ul", parts);
    }

    public static Element ol(Part... parts) {
        return Element.of("ol", parts);
    }

    public static Element li(Part... parts) {
        return Element.of("li", parts);
    }

    public static Element h1(Part... parts) {
        return Element.of("h1", parts);
    }

    public static Element h2(Part... parts) {
        return Element.of("h2", parts);
    }

    public static Element h3(Part... parts) {
        return Element.of("h3", parts);
    }

    public static Element h4(Part... parts) {
        return Element.of("h4", parts);
    }

    public static Element table(Part... parts) {
        return Element.of("table", parts);
    }

    public static Element thead(Part... parts) {
        return Element.of("thead", parts);
    }

    public static Element tbody(Part... parts) {
        return Element.of("tbody", parts);
    }

    public static Element tr(Part... parts) {
        return Element.of("tr", parts);
    }

    public static Element th(Part... parts) {
        return Element.of("th", parts);
    }

    public static Element td(Part... parts) {
        return Element.of("td", parts);
    }

    public static Element img(Part... parts) {
        return Element.of("img", parts);
    }

    public static Element textarea(Part... parts) {
        return Element.of("textarea", parts);
    }

    public static Element select(Part... parts) {
        return Element.of("select", parts);
    }

    public static Element option(Part... parts) {
        return Element.of("option", parts);
    }

    public static Element section(Part... parts) {
        return Element.of("section", parts);
    }

    public static Element article(Part... parts) {
        return Element.of("article", parts);
    }

    public static Element header(Part... parts) {
        return Element.of("header", parts);
    }

    public static Element footer(Part... parts) {
        return Element.of("footer", parts);
    }

    public static Element nav(Part... parts) {
        return Element.of("nav", parts);
    }

    public static Element main(Part... parts) {
        return Element.of("main", parts);
    }

    public static Element strong(Part... parts) {
        return Element.of("strong", parts);
    }

    public static Element em(Part... parts) {
        return Element.of("em", parts);
    }

    public static Element pre(Part... parts) {
        return Element.of("pre", parts);
    }

    public static Element code(Part... parts) {
        return Element.of("code", parts);
    }

    public static Element br(Part... parts) {
        return Element.of("br", parts);
    }

    public static Element hr(Part... parts) {
        return Element.of("hr", parts);
    }

    public static Element small(Part... parts) {
        return Element.of("small", parts);
    }

    public static Element fieldset(Part... parts) {
        return Element.of("fieldset", parts);
    }

    public static Element legend(Part... parts) {
        return Element.of("legend", parts);
    }

    public static Element details(Part... parts) {
        return Element.of("details", parts);
    }

    public static Element summary(Part... parts) {
        return Element.of("summary", parts);
    }

    public static Element aside(Part... parts) {
        return Element.of("aside", parts);
    }

    /** Static text, escaped. */
    public static Text text(String value) {
        return new Text(value);
    }

    /** Text computed by {@code value} (tracked in a live session), escaped; null renders as empty. */
    public static DynamicText text(Supplier<?> value) {
        return new DynamicText(value);
    }

    /** Unescaped markup. The caller vouches that {@code html} is trusted; never pass user input. */
    public static RawHtml dangerouslyUnescapedHtml(String html) {
        return new RawHtml(html);
    }

    public static Fragment fragment(Node... children) {
        return new Fragment(Arrays.asList(children));
    }

    public static Fragment fragment(List<? extends Node> children) {
        return new Fragment(List.copyOf(children));
    }

    /** {@code name="value"}; null omits it. */
    public static Attribute attr(String name, String value) {
        return new Attribute.Attr(name, value);
    }

    /** A boolean attribute ({@code disabled}, {@code checked}, …): present when true. */
    public static Attribute attr(String name, boolean present) {
        return new Attribute.Attr(name, present);
    }

    /** A dynamic attribute: a String (null omits it) or a Boolean (boolean attribute). */
    public static Attribute attr(String name, Supplier<?> value) {
        return new Attribute.Attr(name, value);
    }

    public static Attribute href(String url) {
        return attr("href", url);
    }

    public static Attribute src(String url) {
        return attr("src", url);
    }

    public static Attribute id(String id) {
        return attr("id", id);
    }

    public static Attribute type(String type) {
        return attr("type", type);
    }

    public static Attribute name(String name) {
        return attr("name", name);
    }

    public static Attribute value(String value) {
        return attr("value", value);
    }

    /** Static class names, space separated. */
    public static Attribute cls(String... names) {
        return new Attribute.ClassName(String.join(" ", names));
    }

    /** Class {@code name} while {@code when} yields true. */
    public static Attribute classIf(String name, Supplier<Boolean> when) {
        return new Attribute.ClassIf(name, when);
    }

    /** One style declaration; unsafe values are dropped (see {@link StylePolicy}). */
    public static Attribute style(String property, String value) {
        return new Attribute.Style(property, value);
    }

    public static Attribute style(String property, Supplier<?> value) {
        return new Attribute.Style(property, value);
    }

    /** A DOM event handled in Java by the live runtime; SSR marks the element only. */
    public static Attribute.On on(String event, EventHandler handler) {
        return new Attribute.On(event, handler);
    }

    public static Attribute.On on(String event, Runnable handler) {
        return new Attribute.On(event, e -> handler.run());
    }
}
