package dev.aether.web.ssr;

import dev.aether.web.html.Attribute;
import dev.aether.web.html.Control;
import dev.aether.web.html.DynamicText;
import dev.aether.web.html.Element;
import dev.aether.web.html.Escape;
import dev.aether.web.html.Fragment;
import dev.aether.web.html.Names;
import dev.aether.web.html.Node;
import dev.aether.web.html.RawHtml;
import dev.aether.web.html.RenderTarget;
import dev.aether.web.html.StylePolicy;
import dev.aether.web.html.Text;
import dev.aether.web.html.UrlPolicy;
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
 * protected hooks to keep each dynamic part bound; applications render with {@link Ssr}.
 */
public class HtmlRenderer implements RenderTarget {
    private static final Pattern KIND = Pattern.compile("[a-z]");
    private static final Pattern ID = Pattern.compile("[0-9]+(\\.[0-9]+)*");

    record Deferred(String id, BooleanSupplier ready, Node content) {
    }

    /** A portal's content, rendered, waiting to be written at the end of the body. */
    public record Portal(String id, String html) {
    }

    private record Position(int length, int portals, int deferred, int counter) implements Mark {
    }

    private final StringBuilder out = new StringBuilder(1024);
    private final String prefix;
    private int counter;
    final List<Portal> portals = new ArrayList<>();
    final List<Deferred> deferred = new ArrayList<>();

    protected HtmlRenderer(String prefix) {
        this.prefix = prefix;
    }

    /** What has been rendered so far. */
    public String html() {
        return out.toString();
    }

    /** The portals rendered so far, to be written at the end of the body. */
    public List<Portal> portals() {
        return portals;
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

    /** HTML written first inside element {@code e} (the live renderer's CSRF field in a posting form); already safe. */
    protected String prologue(Element e) {
        return "";
    }

    @Override
    public String nextId() {
        counter++;
        return prefix.isEmpty() ? Integer.toString(counter) : prefix + "." + counter;
    }

    @Override
    public void render(Node node) {
        switch (node) {
            case null -> throw new NullPointerException("null node");
            case Text t -> out.append(Escape.html(t.value()));
            case DynamicText d -> {
                String id = nextId();
                openMarker("t", id, null);
                out.append(Escape.html(text(id, d.value())));
                closeMarker("t", id);
            }
            case RawHtml r -> out.append(r.html());
            case Fragment f -> {
                for (Node child : f.children()) {
                    render(child);
                }
            }
            case Element e -> element(e);
            case Control c -> c.render(this);
        }
    }

    private void element(Element e) {
        String tag = e.tag();
        boolean rawText = Names.isRawText(tag);
        boolean dynamicText = rawText && e.children().stream().anyMatch(c -> c instanceof DynamicText);
        out.append('<').append(tag);
        String id = null;
        if (e.hasDynamicAttributes() || dynamicText) {
            id = nextId();
            out.append(" data-ae=\"").append(id).append('"');
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        StringJoiner classes = new StringJoiner(" ");
        StringJoiner styles = new StringJoiner(";");
        Set<String> events = new LinkedHashSet<>();
        for (Attribute a : e.attributes()) {
            switch (a) {
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
            String name = a.getKey();
            out.append(' ').append(name);
            if (!Boolean.TRUE.equals(a.getValue())) {
                String value = a.getValue().toString();
                if (Names.isUrlAttribute(name)) {
                    value = UrlPolicy.sanitize(name, value);
                }
                out.append("=\"").append(Escape.html(value)).append('"');
            }
        }
        if (classes.length() > 0) {
            out.append(" class=\"").append(Escape.html(classes.toString())).append('"');
        }
        if (styles.length() > 0) {
            out.append(" style=\"").append(Escape.html(styles.toString())).append('"');
        }
        if (!events.isEmpty()) {
            out.append(" data-ae-on=\"").append(String.join(" ", events)).append('"');
        }
        out.append('>');
        if (Names.isVoid(tag)) {
            return;
        }
        out.append(prologue(e));
        for (Node child : e.children()) {
            if (rawText) {   // the parser sees no comments here: text only, no markers (the element carries the id)
                out.append(Escape.html(child instanceof Text t ? t.value() : text(id, ((DynamicText) child).value())));
            } else {
                render(child);
            }
        }
        out.append("</").append(tag).append('>');
    }

    private static void addClasses(StringJoiner classes, String names) {
        for (String name : names.strip().split("\\s+")) {
            if (!name.isEmpty()) {
                classes.add(name);
            }
        }
    }

    /** How a dynamic text value prints: {@code null} as empty. */
    protected static String stringOf(Object value) {
        return value == null ? "" : value.toString();
    }

    @Override
    public void openMarker(String kind, String id, Object key) {
        check(kind, id);
        out.append("<!--ae:").append(kind).append(id);
        if (key != null) {
            out.append(' ').append(Escape.markerKey(key));
        }
        out.append("-->");
    }

    @Override
    public void closeMarker(String kind, String id) {
        check(kind, id);
        out.append("<!--/ae:").append(kind).append(id).append("-->");
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
