package dev.aether.web.render;

import dev.aether.web.html.Attribute;
import dev.aether.web.html.Control;
import dev.aether.web.html.DynamicText;
import dev.aether.web.html.Element;
import dev.aether.web.safety.Escape;
import dev.aether.web.html.Fragment;
import dev.aether.web.safety.Names;
import dev.aether.web.html.Node;
import dev.aether.web.html.RawHtml;
import dev.aether.web.html.RenderTarget;
import dev.aether.web.safety.StylePolicy;
import dev.aether.web.html.Text;
import dev.aether.web.safety.UrlPolicy;
import dev.aether.web.protocol.LiveProtocol;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Renders nodes to HTML in a buffer, evaluating each dynamic part once. Ids are
 * {@code prefix + counter} ({@code 1, 2, …} for the shell; {@code 7.1, 7.2, …} inside the
 * Suspense boundary 7), so they do not depend on the order in which boundaries resolve.
 *
 * <p>Public only for the live renderer ({@code dev.aether.web.live}), which overrides the
 * protected hooks to keep each dynamic part bound; applications render with {@link dev.aether.web.ssr.Ssr}.
 *
 * <pre>{@code
 * final class LiveRenderer extends HtmlRenderer {
 *     LiveRenderer() { super(""); }
 *     @Override protected String text(String id, Supplier<?> value) { return bindAndReturnFirstValue(id, value); }
 * }
 * }</pre>
 */
public class HtmlRenderer implements RenderTarget {
    private static final Pattern KIND = Pattern.compile("[a-z]");
    private static final Pattern ID = Pattern.compile("[0-9]+(\\.[0-9]+)*");

    /** A Suspense boundary not ready yet: rendered later as a chunk. */
    public record Deferred(String id, BooleanSupplier ready, Node content) {
    }

    /** A portal's content, rendered, waiting to be written at the end of the body. */
    public record Portal(String id, String html) {
    }

    private record Position(int length, int portals, int deferred, int counter) implements Mark {
    }

    private final StringBuilder out;
    private final String prefix;
    private int counter;
    private final List<Portal> portals = new ArrayList<>();
    private final List<Deferred> deferred = new ArrayList<>();

    public HtmlRenderer(String prefix) {
        this(prefix, new StringBuilder(1024));
    }

    /** Renders into {@code out}, which must be empty (so that {@link #html} is what this renderer wrote). */
    public HtmlRenderer(String prefix, StringBuilder out) {
        if (!out.isEmpty()) {
            throw new IllegalArgumentException("the output buffer must start empty");
        }
        this.prefix = prefix;
        this.out = out;
    }

    /** What has been rendered so far. */
    public String html() {
        return out.toString();
    }

    /** Whether this renderer's buffer is {@code target}. */
    public boolean writesInto(Appendable target) {
        return out == target;
    }

    /**
     * What has been rendered, followed by the content of each portal rendered in it: a streamed
     * chunk or a part rendered later, whose portals cannot move to the end of the body.
     */
    public String htmlWithPortals() {
        if (portals.isEmpty()) {
            return out.toString();
        }
        return out + portalsHtml();
    }

    /** Each portal rendered here, in its {@code <div data-ae-portal="ID">}: for the end of the body. */
    public String portalsHtml() {
        StringBuilder html = new StringBuilder();
        for (Portal p : portals) {
            html.append("<div ").append(LiveProtocol.Markup.PORTAL).append("=\"").append(p.id()).append("\">").append(p.html()).append("</div>");
        }
        return html.toString();
    }

    /** The Suspense boundaries met while rendering that were not ready. */
    public List<Deferred> deferred() {
        return deferred;
    }

    // ---- hooks: how a dynamic part gets its value (SSR: evaluated once) ----------------------

    /** The text of dynamic text {@code id} (markers are written around it). */
    protected String text(String id, Supplier<?> value) {
        return stringOf(value.get());
    }

    /** The value of dynamic attribute {@code name} of element {@code id}: a String, Boolean or null. */
    protected Object attribute(String id, String name, Supplier<?> value) {
        return value.get();
    }

    /** Whether conditional class {@code name} of element {@code id} is present. */
    protected boolean classIf(String id, String name, Supplier<Boolean> when) {
        return Boolean.TRUE.equals(when.get());
    }

    /** The value of dynamic style {@code property} of element {@code id}, or null. */
    protected Object style(String id, String property, Supplier<?> value) {
        return value.get();
    }

    /** Element {@code id} handles {@code on}: SSR only marks it. */
    protected void event(String id, Attribute.On on) {
    }

    /**
     * HTML written first inside {@code form} (the live renderer's CSRF field in a posting form);
     * already safe. Asked for every {@code <form>}, by this renderer and by compiled {@link Template}s.
     */
    public String formPrologue(Element form) {
        return "";
    }

    @Override
    public void writeTrustedHtml(String html) {
        out.append(html);
    }

    @Override
    public void writeText(String text) {
        Escape.html(text, out);
    }

    /**
     * Writes {@code value} as text, as {@code writeText(stringOf(value))} would. Integers, longs
     * and doubles go straight into the buffer, without a String in between (their digits,
     * signs, {@code .}, {@code E}, {@code NaN} and {@code Infinity} need no escaping).
     */
    public void writeValue(Object value) {
        switch (value) {
            case Integer i -> out.append(i.intValue());
            case Long l -> out.append(l.longValue());
            case Double d -> out.append(d.doubleValue());
            case null, default -> Escape.html(stringOf(value), out);
        }
    }

    @Override
    public String nextId() {
        counter++;
        return prefix.isEmpty() ? Integer.toString(counter) : prefix + "." + counter;
    }

    @Override
    public void render(Node node) {
        // An instanceof chain, the most frequent kinds first: this runs for every node of every page.
        if (node instanceof Element e) {
            element(e);
        } else if (node instanceof Text t) {
            Escape.html(t.value(), out);
        } else if (node instanceof DynamicText d) {
            String id = nextId();
            openMarker(LiveProtocol.Markup.TEXT_MARKER, id, null);
            Escape.html(text(id, d.value()), out);
            closeMarker(LiveProtocol.Markup.TEXT_MARKER, id);
        } else if (node instanceof Fragment f) {
            List<Node> children = f.children();
            for (int i = 0; i < children.size(); i++) {
                render(children.get(i));
            }
        } else if (node instanceof RawHtml r) {
            out.append(r.html());
        } else if (node instanceof Control c) {
            c.render(this);
        } else {
            throw new NullPointerException("null node");
        }
    }

    private void element(Element e) {
        int children = e.childCount();
        boolean rawText = e.isRawText();
        String id = null;
        if (e.hasDynamicAttributes() || rawText && hasDynamicText(e)) {
            id = nextId();
            out.append(e.startTagPrefix()).append(" " + LiveProtocol.Markup.ELEMENT_ID + "=\"").append(id).append('"');
            attributes(id, e);
            out.append('>');
        } else if (e.attributeCount() == 0) {
            out.append(e.startTag());
        } else {
            out.append(e.startTagPrefix());
            if (e.hasOnlyPlainAttributes()) {
                staticAttributes(e);
            } else {
                attributes(null, e);
            }
            out.append('>');
        }
        if (e.isVoid()) {
            return;
        }
        if (e.tag().equals("form")) {
            out.append(formPrologue(e));
        }
        for (int i = 0; i < children; i++) {
            Node child = e.child(i);
            if (rawText) {   // the parser sees no comments here: text only, no markers (the element carries the id)
                Escape.html(child instanceof Text t ? t.value() : text(id, ((DynamicText) child).value()), out);
            } else {
                render(child);
            }
        }
        out.append(e.endTag());
    }

    private static boolean hasDynamicText(Element e) {
        for (int i = 0; i < e.childCount(); i++) {
            if (e.child(i) instanceof DynamicText) {
                return true;
            }
        }
        return false;
    }

    /**
     * The fast path, writing what {@link #attributes} would write for the same list: the attributes
     * in order, then one {@code class} with every class name (omitted when there is none).
     */
    private void staticAttributes(Element e) {
        int count = e.attributeCount();
        boolean hasClass = false;
        for (int i = 0; i < count; i++) {
            if (e.attribute(i) instanceof Attribute.Attr attr) {
                writeAttribute(attr.name(), attr.value());
            } else {
                hasClass = true;
            }
        }
        if (hasClass) {
            int before = out.length();
            out.append(" class=\"");
            int opened = out.length();
            for (int i = 0; i < count; i++) {
                if (e.attribute(i) instanceof Attribute.ClassName c) {
                    eachClassName(c.names(), (s, start, end) -> {
                        if (out.length() > opened) {
                            out.append(' ');
                        }
                        Escape.html(s, start, end, out);
                    });
                }
            }
            if (out.length() == opened) {
                out.setLength(before);   // only blank class names: no class attribute, as on the general path
            } else {
                out.append('"');
            }
        }
    }

    /** Receives one class name as {@code s.substring(start, end)}, without the substring being made. */
    @FunctionalInterface
    private interface ClassNameSink {
        void accept(String s, int start, int end);
    }

    /**
     * Splits {@code names} as {@code strip()} then runs of regex {@code \s} would (without
     * UNICODE_CHARACTER_CLASS), by hand: {@code String.split("\\s+")} compiles a regex each call.
     */
    private static void eachClassName(String names, ClassNameSink sink) {
        String s = names.strip();
        int i = 0;
        while (i < s.length()) {
            while (i < s.length() && isRegexSpace(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < s.length() && !isRegexSpace(s.charAt(i))) {
                i++;
            }
            if (i > start) {
                sink.accept(s, start, i);
            }
        }
    }

    /** The characters regex {@code \s} matches (without UNICODE_CHARACTER_CLASS). */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /**
     * The general path: dynamic parts through the hooks, a repeated attribute name replaces the
     * earlier one (and moves to the end), classes and styles each joined into one attribute.
     */
    private void attributes(String id, Element e) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        StringJoiner classes = new StringJoiner(" ");
        StringJoiner styles = new StringJoiner(";");
        Set<String> events = new LinkedHashSet<>();
        for (int i = 0; i < e.attributeCount(); i++) {
            switch (e.attribute(i)) {
                case Attribute.Attr attr -> {
                    Object v = attr.value() instanceof Supplier<?> s ? attribute(id, attr.name(), s) : attr.value();
                    attributes.remove(attr.name());
                    if (v != null && !Boolean.FALSE.equals(v)) {
                        attributes.put(attr.name(), v);
                    }
                }
                case Attribute.ClassName c -> addClasses(classes, c.names());
                case Attribute.ClassIf c -> {
                    if (classIf(id, c.name(), c.when())) {
                        addClasses(classes, c.name());
                    }
                }
                case Attribute.Style s -> {
                    Object v = s.value() instanceof Supplier<?> dynamic ? style(id, s.property(), dynamic) : s.value();
                    if (v != null && StylePolicy.isSafe(v.toString())) {
                        styles.add(s.property() + ":" + v);
                    }
                }
                case Attribute.On on -> {
                    events.add(on.token());
                    event(id, on);
                }
            }
        }
        for (Map.Entry<String, Object> a : attributes.entrySet()) {
            writeAttribute(a.getKey(), a.getValue());
        }
        if (classes.length() > 0) {
            out.append(" class=\"");
            Escape.html(classes.toString(), out);
            out.append('"');
        }
        if (styles.length() > 0) {
            out.append(" style=\"");
            Escape.html(styles.toString(), out);
            out.append('"');
        }
        if (!events.isEmpty()) {
            out.append(" " + LiveProtocol.Markup.EVENTS + "=\"").append(String.join(" ", events)).append('"');
        }
    }

    /** {@code name="value"}, the value through {@link UrlPolicy} for URL attributes, then escaped; {@code name} alone for true; nothing for null or false. */
    private void writeAttribute(String name, Object value) {
        if (value == null || Boolean.FALSE.equals(value)) {
            return;
        }
        out.append(' ').append(name);
        if (!Boolean.TRUE.equals(value)) {
            String v = value.toString();
            if (Names.isUrlAttribute(name)) {
                v = UrlPolicy.sanitize(name, v);
            }
            out.append("=\"");
            Escape.html(v, out);
            out.append('"');
        }
    }

    private static void addClasses(StringJoiner classes, String names) {
        eachClassName(names, (s, start, end) -> classes.add(s.substring(start, end)));
    }

    /** How a dynamic text value prints: {@code null} as empty. */
    public static String stringOf(Object value) {
        return value == null ? "" : value.toString();
    }

    @Override
    public void openMarker(String kind, String id, Object key) {
        check(kind, id);
        out.append("<!--" + LiveProtocol.Markup.MARKER_PREFIX).append(kind).append(id);
        if (key != null) {
            out.append(' ').append(Escape.markerKey(key));
        }
        out.append("-->");
    }

    @Override
    public void closeMarker(String kind, String id) {
        check(kind, id);
        out.append("<!--/" + LiveProtocol.Markup.MARKER_PREFIX).append(kind).append(id).append("-->");
    }

    private static void check(String kind, String id) {
        if (!KIND.matcher(kind).matches() || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("bad marker " + kind + id);
        }
    }

    @Override
    public Mark mark() {
        return new Position(out.length(), portals.size(), deferred.size(), counter);
    }

    @Override
    public void rollback(Mark mark) {
        Position p = (Position) mark;
        out.setLength(p.length());
        portals.subList(p.portals(), portals.size()).clear();
        deferred.subList(p.deferred(), deferred.size()).clear();
        counter = p.counter(); // ids name only what is in the output
    }

    @Override
    public void portal(String id, Node node) {
        int start = out.length();
        render(node);
        String html = out.substring(start);
        out.setLength(start);
        portals.add(new Portal(id, html));
    }

    @Override
    public void defer(String id, BooleanSupplier ready, Node content) {
        deferred.add(new Deferred(id, ready, content));
    }
}
