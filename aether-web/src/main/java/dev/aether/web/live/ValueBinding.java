package dev.aether.web.live;

import dev.aether.web.safety.Names;
import dev.aether.web.safety.StylePolicy;
import dev.aether.web.safety.UrlPolicy;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The effect behind one dynamic text, attribute, class or style: its first run gives the value
 * the HTML is rendered with; every later run that yields a different value sends one patch.
 * Values pass the same policies as in SSR (escaping happens in the browser: the runtime sets
 * text and attributes, never HTML).
 */
final class ValueBinding extends Binding {
    enum Kind { TEXT, ATTRIBUTE, CLASS, STYLE }

    private final PatchSink sink;
    private final String id;
    private final Kind kind;
    private final String name;
    private final Supplier<?> source;
    private Object value;

    ValueBinding(PatchSink sink, String id, Kind kind, String name, Supplier<?> source) {
        this.sink = sink;
        this.id = id;
        this.kind = kind;
        this.name = name;
        this.source = source;
    }

    @Override
    void update(boolean first) {
        Object next = normalize(source.get());
        if (first) {
            value = next;
        } else if (!Objects.equals(next, value)) {
            value = next;
            sink.emit(patch(next));
        }
    }

    /** The value the first run produced (what the HTML carries); rethrows its failure. */
    Object initial() {
        rethrow();
        return value;
    }

    private Object normalize(Object v) {
        return switch (kind) {
            case TEXT -> v == null ? "" : v.toString();
            case CLASS -> Boolean.TRUE.equals(v);
            case ATTRIBUTE -> v == null || Boolean.FALSE.equals(v) ? null : v instanceof Boolean ? v : v.toString();
            case STYLE -> v == null || !StylePolicy.isSafe(v.toString()) ? null : v.toString();
        };
    }

    private Patch patch(Object v) {
        return switch (kind) {
            case TEXT -> new Patch.Text(id, (String) v);
            case CLASS -> new Patch.ClassToggle(id, name, (Boolean) v);
            case STYLE -> new Patch.Style(id, name, (String) v);
            case ATTRIBUTE -> new Patch.Attr(id, name, attributeText(v));
        };
    }

    private String attributeText(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Boolean) {
            return "";
        }
        String s = (String) v;
        return Names.isUrlAttribute(name) ? UrlPolicy.sanitize(name, s) : s;
    }
}
