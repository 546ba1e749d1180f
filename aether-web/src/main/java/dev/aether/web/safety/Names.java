package dev.aether.web.safety;

import dev.aether.web.protocol.LiveProtocol;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validation of tag, attribute, style property and event names. Names are never escaped, so
 * they are checked against strict patterns (and, for tags, a whitelist) when a node is built.
 */
public final class Names {
    /** Tags {@code el(...)} accepts, besides custom elements ({@code my-widget}). Script-capable and document-level tags are absent. */
    public static final Set<String> TAGS = Set.of(
            "a", "abbr", "address", "article", "aside", "audio", "b", "bdi", "bdo", "blockquote", "br", "button",
            "canvas", "caption", "cite", "code", "col", "colgroup", "data", "datalist", "dd", "del", "details",
            "dfn", "dialog", "div", "dl", "dt", "em", "fieldset", "figcaption", "figure", "footer", "form",
            "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "i", "img", "input", "ins", "kbd",
            "label", "legend", "li", "main", "mark", "menu", "meter", "nav", "ol", "optgroup", "option",
            "output", "p", "picture", "pre", "progress", "q", "rp", "rt", "ruby", "s", "samp", "search",
            "section", "select", "small", "source", "span", "strong", "sub", "summary", "sup", "table",
            "tbody", "td", "textarea", "tfoot", "th", "thead", "time", "tr", "track", "u", "ul", "var",
            "video", "wbr");
    /** Attributes that hold a URL; their values go through {@link UrlPolicy}. */
    public static final Set<String> URL_ATTRIBUTES = Set.of(
            "href", "src", "action", "formaction", "cite", "poster", "background", "longdesc", "manifest",
            "ping", "data", "codebase", "xlink:href", "srcset", "imagesrcset");
    private static final Pattern CUSTOM_ELEMENT = Pattern.compile("[a-z][a-z0-9]*-[a-z0-9-]*");
    private static final Pattern STYLE_PROPERTY = Pattern.compile("-{0,2}[a-z][a-z0-9-]*");
    private static final Pattern EVENT = Pattern.compile("[a-z][a-z0-9_-]*");

    private Names() {
    }

    /** The lower-cased tag, if whitelisted or a custom element name. */
    public static String tagName(String tag) {
        if (TAGS.contains(Objects.requireNonNull(tag, "tag"))) {
            return tag; // already lower case (the DSL's own tags): no need to lower-case a copy first
        }
        String t = tag.toLowerCase(Locale.ROOT);
        if (!TAGS.contains(t) && !CUSTOM_ELEMENT.matcher(t).matches()) {
            throw new IllegalArgumentException("tag not allowed: '" + shorten(tag) + "'");
        }
        return t;
    }

    /**
     * The lower-cased attribute name. Rejects malformed names, event handler attributes ({@code on*}:
     * use {@code on(...)}), {@code style} (use {@code style(...)}), {@code class} (use {@code cls(...)}),
     * {@code srcdoc}, and the reserved {@code data-ae*} marker attributes.
     */
    /**
     * The router's attributes are written with the DSL by its {@code Link} and its channel input;
     * the runtime's markers stay reserved. A page may write them too (an {@code <a data-ae-link>}
     * is followed live like a Link), which forges nothing the server trusts: they only say which
     * clicks the router's runtime turns into navigations, each checked by the server like any URL.
     */
    private static final java.util.Set<String> ROUTER_ATTRIBUTES = java.util.Set.of(
            LiveProtocol.Router.LINK, LiveProtocol.Router.REPLACE, LiveProtocol.Router.NO_SCROLL, LiveProtocol.Router.STATE,
            LiveProtocol.Router.TRANSITION, LiveProtocol.Router.CHANNEL, LiveProtocol.Router.ANSWER);

    public static String attributeName(String name) {
        switch (Objects.requireNonNull(name, "name")) {
            case "href", "src", "id", "type", "name", "value", "for", "title", "alt", "rel", "target", "placeholder",
                 "method", "action", "disabled", "checked", "selected", "role", "tabindex", "lang" -> {
                return name; // the DSL's own and the most common names, known good: skip the checks below
            }
            default -> {
            }
        }
        String n = name.toLowerCase(Locale.ROOT);
        if (!isWellFormedAttributeName(n)) {
            throw new IllegalArgumentException("malformed attribute name: '" + shorten(name) + "'");
        }
        if (n.startsWith("on")) {
            throw new IllegalArgumentException("event handler attribute '" + n + "' not allowed: use on(\"" + n.substring(2) + "\", handler)");
        }
        switch (n) {
            case "style" -> throw new IllegalArgumentException("use style(property, value) instead of attr(\"style\", ...)");
            case "class" -> throw new IllegalArgumentException("use cls(...) or classIf(...) instead of attr(\"class\", ...)");
            case "srcdoc" -> throw new IllegalArgumentException("attribute 'srcdoc' not allowed");
            default -> {
            }
        }
        if (n.startsWith(LiveProtocol.Markup.ELEMENT_ID) && !ROUTER_ATTRIBUTES.contains(n)) {   // data-ae and every data-ae-* the protocol uses
            throw new IllegalArgumentException("attribute '" + n + "' is reserved for Aether's markers");
        }
        return n;
    }

    public static String styleProperty(String property) {
        String p = Objects.requireNonNull(property, "property").toLowerCase(Locale.ROOT);
        if (!STYLE_PROPERTY.matcher(p).matches()) {
            throw new IllegalArgumentException("malformed style property: '" + shorten(property) + "'");
        }
        return p;
    }

    public static String eventName(String event) {
        String e = Objects.requireNonNull(event, "event").toLowerCase(Locale.ROOT);
        if (!EVENT.matcher(e).matches()) {
            throw new IllegalArgumentException("malformed event name: '" + shorten(event) + "'");
        }
        return e;
    }

    /**
     * Whether {@code n} matches {@code [a-z_][a-z0-9_.:-]*}. A character loop rather than a regex:
     * it runs for every attribute the DSL builds.
     */
    static boolean isWellFormedAttributeName(String n) {
        if (n.isEmpty() || !(isLowerLetter(n.charAt(0)) || n.charAt(0) == '_')) {
            return false;
        }
        for (int i = 1; i < n.length(); i++) {
            char c = n.charAt(i);
            if (!(isLowerLetter(c) || c >= '0' && c <= '9' || c == '_' || c == '.' || c == ':' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLowerLetter(char c) {
        return c >= 'a' && c <= 'z';
    }

    /** Whether {@code tag} has no end tag and no content. (A switch: asked twice per element.) */
    public static boolean isVoid(String tag) {
        return switch (tag) {
            case "br", "col", "hr", "img", "input", "source", "track", "wbr" -> true;
            default -> false;
        };
    }

    /** Elements whose content the HTML parser reads as text only (no tags, no comments). */
    public static boolean isRawText(String tag) {
        return switch (tag) {
            case "textarea", "title" -> true;
            default -> false;
        };
    }

    public static boolean isUrlAttribute(String name) {
        return URL_ATTRIBUTES.contains(name);
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
