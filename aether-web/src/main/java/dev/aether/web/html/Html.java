package dev.aether.web.html;

import dev.aether.web.safety.Names;
import dev.aether.web.safety.StylePolicy;
import dev.aether.web.safety.UrlPolicy;
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
    // One Tag per element function, so building an element looks nothing up.
    private static final Tag DIV = Tag.of("div");
    private static final Tag SPAN = Tag.of("span");
    private static final Tag P = Tag.of("p");
    private static final Tag A = Tag.of("a");
    private static final Tag BUTTON = Tag.of("button");
    private static final Tag INPUT = Tag.of("input");
    private static final Tag FORM = Tag.of("form");
    private static final Tag LABEL = Tag.of("label");
    private static final Tag UL = Tag.of("ul");
    private static final Tag OL = Tag.of("ol");
    private static final Tag LI = Tag.of("li");
    private static final Tag H1 = Tag.of("h1");
    private static final Tag H2 = Tag.of("h2");
    private static final Tag H3 = Tag.of("h3");
    private static final Tag H4 = Tag.of("h4");
    private static final Tag TABLE = Tag.of("table");
    private static final Tag THEAD = Tag.of("thead");
    private static final Tag TBODY = Tag.of("tbody");
    private static final Tag TR = Tag.of("tr");
    private static final Tag TH = Tag.of("th");
    private static final Tag TD = Tag.of("td");
    private static final Tag IMG = Tag.of("img");
    private static final Tag TEXTAREA = Tag.of("textarea");
    private static final Tag SELECT = Tag.of("select");
    private static final Tag OPTION = Tag.of("option");
    private static final Tag SECTION = Tag.of("section");
    private static final Tag ARTICLE = Tag.of("article");
    private static final Tag HEADER = Tag.of("header");
    private static final Tag FOOTER = Tag.of("footer");
    private static final Tag NAV = Tag.of("nav");
    private static final Tag MAIN = Tag.of("main");
    private static final Tag STRONG = Tag.of("strong");
    private static final Tag EM = Tag.of("em");
    private static final Tag PRE = Tag.of("pre");
    private static final Tag CODE = Tag.of("code");
    private static final Tag BR = Tag.of("br");
    private static final Tag HR = Tag.of("hr");
    private static final Tag SMALL = Tag.of("small");
    private static final Tag FIELDSET = Tag.of("fieldset");
    private static final Tag LEGEND = Tag.of("legend");
    private static final Tag DETAILS = Tag.of("details");
    private static final Tag SUMMARY = Tag.of("summary");
    private static final Tag ASIDE = Tag.of("aside");

    private Html() {
    }

    /** Any whitelisted element or custom element ({@code my-widget}); see {@link Names#TAGS}. */
    public static Element el(String tag, Part... parts) {
        return Element.of(tag, parts);
    }

    public static Element div(Part... parts) {
        return Element.ofValidTag(DIV, parts);
    }

    public static Element span(Part... parts) {
        return Element.ofValidTag(SPAN, parts);
    }

    public static Element p(Part... parts) {
        return Element.ofValidTag(P, parts);
    }

    public static Element a(Part... parts) {
        return Element.ofValidTag(A, parts);
    }

    public static Element button(Part... parts) {
        return Element.ofValidTag(BUTTON, parts);
    }

    public static Element input(Part... parts) {
        return Element.ofValidTag(INPUT, parts);
    }

    public static Element form(Part... parts) {
        return Element.ofValidTag(FORM, parts);
    }

    public static Element label(Part... parts) {
        return Element.ofValidTag(LABEL, parts);
    }

    public static Element ul(Part... parts) {
        return Element.ofValidTag(UL, parts);
    }

    public static Element ol(Part... parts) {
        return Element.ofValidTag(OL, parts);
    }

    public static Element li(Part... parts) {
        return Element.ofValidTag(LI, parts);
    }

    public static Element h1(Part... parts) {
        return Element.ofValidTag(H1, parts);
    }

    public static Element h2(Part... parts) {
        return Element.ofValidTag(H2, parts);
    }

    public static Element h3(Part... parts) {
        return Element.ofValidTag(H3, parts);
    }

    public static Element h4(Part... parts) {
        return Element.ofValidTag(H4, parts);
    }

    public static Element table(Part... parts) {
        return Element.ofValidTag(TABLE, parts);
    }

    public static Element thead(Part... parts) {
        return Element.ofValidTag(THEAD, parts);
    }

    public static Element tbody(Part... parts) {
        return Element.ofValidTag(TBODY, parts);
    }

    public static Element tr(Part... parts) {
        return Element.ofValidTag(TR, parts);
    }

    public static Element th(Part... parts) {
        return Element.ofValidTag(TH, parts);
    }

    public static Element td(Part... parts) {
        return Element.ofValidTag(TD, parts);
    }

    public static Element img(Part... parts) {
        return Element.ofValidTag(IMG, parts);
    }

    public static Element textarea(Part... parts) {
        return Element.ofValidTag(TEXTAREA, parts);
    }

    public static Element select(Part... parts) {
        return Element.ofValidTag(SELECT, parts);
    }

    public static Element option(Part... parts) {
        return Element.ofValidTag(OPTION, parts);
    }

    public static Element section(Part... parts) {
        return Element.ofValidTag(SECTION, parts);
    }

    public static Element article(Part... parts) {
        return Element.ofValidTag(ARTICLE, parts);
    }

    public static Element header(Part... parts) {
        return Element.ofValidTag(HEADER, parts);
    }

    public static Element footer(Part... parts) {
        return Element.ofValidTag(FOOTER, parts);
    }

    public static Element nav(Part... parts) {
        return Element.ofValidTag(NAV, parts);
    }

    public static Element main(Part... parts) {
        return Element.ofValidTag(MAIN, parts);
    }

    public static Element strong(Part... parts) {
        return Element.ofValidTag(STRONG, parts);
    }

    public static Element em(Part... parts) {
        return Element.ofValidTag(EM, parts);
    }

    public static Element pre(Part... parts) {
        return Element.ofValidTag(PRE, parts);
    }

    public static Element code(Part... parts) {
        return Element.ofValidTag(CODE, parts);
    }

    public static Element br(Part... parts) {
        return Element.ofValidTag(BR, parts);
    }

    public static Element hr(Part... parts) {
        return Element.ofValidTag(HR, parts);
    }

    public static Element small(Part... parts) {
        return Element.ofValidTag(SMALL, parts);
    }

    public static Element fieldset(Part... parts) {
        return Element.ofValidTag(FIELDSET, parts);
    }

    public static Element legend(Part... parts) {
        return Element.ofValidTag(LEGEND, parts);
    }

    public static Element details(Part... parts) {
        return Element.ofValidTag(DETAILS, parts);
    }

    public static Element summary(Part... parts) {
        return Element.ofValidTag(SUMMARY, parts);
    }

    public static Element aside(Part... parts) {
        return Element.ofValidTag(ASIDE, parts);
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
        return new Attribute.ClassName(names.length == 1 ? names[0] : String.join(" ", names));
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
