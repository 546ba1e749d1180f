package dev.aether.web.ssr;

import dev.aether.web.html.Attribute;
import dev.aether.web.html.Control;
import dev.aether.web.html.DynamicText;
import dev.aether.web.html.Element;
import dev.aether.web.safety.Escape;
import dev.aether.web.html.Fragment;
import dev.aether.web.html.Html;
import dev.aether.web.safety.Names;
import dev.aether.web.html.Node;
import dev.aether.web.html.RawHtml;
import dev.aether.web.html.RenderTarget;
import dev.aether.web.html.Text;
import dev.aether.web.safety.UrlPolicy;
import dev.aether.web.render.HtmlRenderer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A view compiled once into static HTML with holes, for the parts of a page that are rendered
 * many times with different values: table rows, list items, cards. The view is written with the
 * ordinary DSL, but whatever depends on the value goes through a hole of {@code t}. The static
 * HTML around the holes is escaped and joined when the template is made, so rendering an
 * instance only fills the holes: no tree is built or walked for the static parts.
 *
 * <pre>{@code
 * record Row(int index, Stock stock) {}
 *
 * static final Template<Row> ROW = Template.of(t -> tr(
 *         t.classIf("odd", r -> r.index() % 2 == 0),
 *         td(t.text(r -> r.index() + 1)),
 *         td(a(t.href(r -> "/stocks/" + r.stock().symbol()), t.text(r -> r.stock().symbol()))),
 *         td(t.node(r -> r.stock().isNew() ? strong(text("new")) : text("")))));
 *
 * Node rows = fragment(range(0, stocks.size()).mapToObj(i -> ROW.with(new Row(i, stocks.get(i)))).toList());
 * }</pre>
 *
 * <p>An instance renders exactly as {@link #expand} (the view with every hole replaced by its
 * value) would, in SSR and in live pages alike; its holes are evaluated once per instance, as the
 * parameters of a template engine are. Anything live in the view (a lambda, an event, a
 * component, control flow) stays a node, rendered normally each time; a hole must not be inside
 * such a part, because it could not see the value there: write that part as {@link Holes#node}.
 *
 * @param <P> the value an instance is rendered from
 */
public final class Template<P> {
    private final Function<Holes<P>, ? extends Node> view;
    private final Op[] ops;

    private Template(Function<Holes<P>, ? extends Node> view) {
        this.view = view;
        Compiler compiler = new Compiler();
        compiler.node(Objects.requireNonNull(view.apply(new Holes<>(null)), "the view returned null"));
        this.ops = compiler.ops();
    }

    /** Compiles {@code view}, calling it once; throws {@link IllegalArgumentException} if a hole is misplaced. */
    public static <P> Template<P> of(Function<Holes<P>, ? extends Node> view) {
        return new Template<>(Objects.requireNonNull(view, "view"));
    }

    /** This template with {@code value} in its holes: a node to put anywhere in a page. */
    public Node with(P value) {
        return new Instance<>(this, value);
    }

    /**
     * The view with every hole replaced by its value, as ordinary nodes. It renders the same as
     * {@link #with} does, only slower; it exists to state (and test) what a template means.
     */
    public Node expand(P value) {
        return view.apply(new Holes<>(new Filled<>(value)));
    }

    /** The number of compiled steps: static chunks, holes and nodes (for tests and tuning). */
    int size() {
        return ops.length;
    }

    private record Instance<P>(Template<P> template, P value) implements Control {
        @Override
        public void render(RenderTarget target) {
            Op[] ops = template.ops;
            for (int i = 0; i < ops.length; i++) {
                ops[i].run(target, value);
            }
        }
    }

    /**
     * Where a template's value goes. Each method returns an ordinary part when the template is
     * {@linkplain #expand expanded}, and a hole, which only the template can render, when it is
     * compiled.
     *
     * @param <P> the template's value
     */
    public static final class Holes<P> {
        private final Filled<P> filled;   // null while compiling

        private Holes(Filled<P> filled) {
            this.filled = filled;
        }

        /** Text from the value, escaped; null renders as empty. */
        public Node text(Function<? super P, ?> value) {
            Objects.requireNonNull(value, "value");
            return filled != null ? Html.text(HtmlRenderer.stringOf(value.apply(filled.value()))) : new DynamicText(new ValueHole(erased(value)));
        }

        /**
         * Attribute {@code name} from the value: a String (null omits it) or a Boolean (a boolean
         * attribute). URL attributes follow {@link UrlPolicy}, as everywhere.
         */
        public Attribute attr(String name, Function<? super P, ?> value) {
            Objects.requireNonNull(value, "value");
            return new Attribute.Attr(name, filled != null ? fixed(value.apply(filled.value())) : new ValueHole(erased(value)));
        }

        /** {@code href} from the value. */
        public Attribute href(Function<? super P, String> url) {
            return attr("href", url);
        }

        /** Class {@code name} when the value passes {@code when}. */
        public Attribute classIf(String name, Predicate<? super P> when) {
            Objects.requireNonNull(when, "when");
            if (filled != null) {
                return when.test(filled.value()) ? Html.cls(name) : Html.cls("");
            }
            return new Attribute.ClassIf(name, new ConditionHole(erased(when)));
        }

        /** Any node made from the value (control flow, events, components…), rendered normally. */
        public Node node(Function<? super P, ? extends Node> view) {
            Objects.requireNonNull(view, "view");
            return filled != null ? view.apply(filled.value()) : new NodeHole(erased(view));
        }

        /** An attribute value as {@link Attribute.Attr} takes it: a String, a Boolean or null. */
        private static Object fixed(Object value) {
            return value == null || value instanceof Boolean ? value : value.toString();
        }
    }

    private record Filled<P>(P value) {
    }

    // ---- compiled steps --------------------------------------------------------------------

    /**
     * One step of rendering an instance. An abstract class rather than an interface: a virtual
     * call is cheaper than an interface call, and an instance makes one per step.
     */
    private abstract static sealed class Op permits Chunk, Shared, FormPrologue, WriteText, RenderNode, WriteAttribute, WriteClass {
        abstract void run(RenderTarget target, Object value);
    }

    /** Static HTML, escaped already. */
    private static final class Chunk extends Op {
        private final String html;

        Chunk(String html) {
            this.html = html;
        }

        @Override
        void run(RenderTarget target, Object value) {
            target.writeTrustedHtml(html);
        }
    }

    /** A node that is static for the template but not for the page (a lambda, an event, a component). */
    private static final class Shared extends Op {
        private final Node node;

        Shared(Node node) {
            this.node = node;
        }

        @Override
        void run(RenderTarget target, Object value) {
            target.render(node);
        }
    }

    /** Asks a renderer for what it writes first inside a form (the live renderer's CSRF field). */
    private static final class FormPrologue extends Op {
        private final Element form;

        FormPrologue(Element form) {
            this.form = form;
        }

        @Override
        void run(RenderTarget target, Object value) {
            if (target instanceof HtmlRenderer renderer) {
                target.writeTrustedHtml(renderer.formPrologue(form));
            }
        }
    }

    private static final class WriteText extends Op {
        private final Function<Object, ?> text;

        WriteText(Function<Object, ?> text) {
            this.text = text;
        }

        @Override
        void run(RenderTarget target, Object value) {
            Object v = text.apply(value);
            if (target instanceof HtmlRenderer renderer) {
                renderer.writeValue(v);
            } else {
                target.writeText(HtmlRenderer.stringOf(v));
            }
        }
    }

    private static final class RenderNode extends Op {
        private final Function<Object, ? extends Node> view;

        RenderNode(Function<Object, ? extends Node> view) {
            this.view = view;
        }

        @Override
        void run(RenderTarget target, Object value) {
            target.render(view.apply(value));
        }
    }

    /** {@code name="value"} from the instance, written as {@link HtmlRenderer} writes an attribute. */
    private static final class WriteAttribute extends Op {
        private final String name;
        private final boolean isUrl;
        private final String bare;
        private final String opening;
        private final Function<Object, ?> value;

        WriteAttribute(String name, Function<Object, ?> value) {
            this.name = name;
            this.isUrl = Names.isUrlAttribute(name);
            this.bare = " " + name;
            this.opening = " " + name + "=\"";
            this.value = value;
        }

        @Override
        void run(RenderTarget target, Object instance) {
            Object v = value.apply(instance);
            if (v == null || Boolean.FALSE.equals(v)) {
                return;
            }
            if (Boolean.TRUE.equals(v)) {
                target.writeTrustedHtml(bare);
                return;
            }
            target.writeTrustedHtml(opening);
            target.writeText(isUrl ? UrlPolicy.sanitize(name, v.toString()) : v.toString());
            target.writeTrustedHtml("\"");
        }
    }

    /**
     * An element's class attribute when some of its names depend on the value: the static names
     * and the names whose condition holds, in order, one space apart; nothing when none is left.
     * Each item's names are normalised and escaped already.
     */
    private static final class WriteClass extends Op {
        private final ClassNames[] items;

        WriteClass(ClassNames[] items) {
            this.items = items;
        }

        @Override
        void run(RenderTarget target, Object instance) {
            boolean opened = false;
            for (ClassNames item : items) {
                if (item.when() == null || item.when().test(instance)) {
                    target.writeTrustedHtml(opened ? " " : " class=\"");
                    target.writeTrustedHtml(item.names());
                    opened = true;
                }
            }
            if (opened) {
                target.writeTrustedHtml("\"");
            }
        }
    }

    /** Class names, written always ({@code when} null) or while the instance passes {@code when}. */
    private record ClassNames(String names, Predicate<Object> when) {
    }

    // ---- holes, as the view returns them while it is compiled -------------------------------

    /** Thrown by a hole rendered where no value reaches it. */
    private static IllegalStateException misplaced() {
        return new IllegalStateException("a template hole was rendered outside its template's compiled HTML "
                + "(inside a lambda, a component or control flow?): use t.node(value -> ...) for that part");
    }

    private record NodeHole(Function<Object, ? extends Node> view) implements Control {
        @Override
        public void render(RenderTarget target) {
            throw misplaced();
        }
    }

    /** The value of a text or attribute hole; only the template asks it, with the instance's value. */
    private record ValueHole(Function<Object, ?> value) implements Supplier<Object> {
        @Override
        public Object get() {
            throw misplaced();
        }
    }

    private record ConditionHole(Predicate<Object> when) implements Supplier<Boolean> {
        @Override
        public Boolean get() {
            throw misplaced();
        }
    }

    // ---- compiling ------------------------------------------------------------------------

    /** Walks the view once, joining static HTML into chunks between the holes. */
    private static final class Compiler {
        private final List<Op> ops = new ArrayList<>();
        private final StringBuilder chunk = new StringBuilder();

        Op[] ops() {
            flush();
            return ops.toArray(Op[]::new);
        }

        private void html(String html) {
            chunk.append(html);
        }

        private void op(Op op) {
            flush();
            ops.add(op);
        }

        private void flush() {
            if (!chunk.isEmpty()) {
                ops.add(new Chunk(chunk.toString()));
                chunk.setLength(0);
            }
        }

        void node(Node node) {
            switch (node) {
                case Text t -> html(Escape.html(t.value()));
                case RawHtml r -> html(r.html());
                case Fragment f -> f.children().forEach(this::node);
                case Element e -> element(e);
                case DynamicText d when d.value() instanceof ValueHole hole -> op(new WriteText(hole.value()));
                case DynamicText d -> op(new Shared(d));
                case NodeHole h -> op(new RenderNode(h.view()));
                case Control c -> op(new Shared(c));
            }
        }

        private void element(Element e) {
            List<Attribute> attributes = e.attributes();
            boolean dynamicRawText = e.isRawText() && e.children().stream().anyMatch(c -> c instanceof DynamicText d && !isHole(d));
            if (dynamicRawText || attributes.stream().anyMatch(a -> a.dynamic() && !isHole(a))) {
                // An id, bindings or handlers: the renderer must see the whole element, every time.
                requireNoHoles(e);
                op(new Shared(e));
                return;
            }
            if (attributes.stream().noneMatch(Compiler::isHole)) {
                html(startTag(e.tag(), attributes));
            } else {
                startTagWithHoles(e, attributes);
            }
            if (e.isVoid()) {
                return;
            }
            if (e.tag().equals("form")) {
                op(new FormPrologue(e));
            }
            e.children().forEach(this::node);
            html(e.endTag());
        }

        /** What the renderer writes for an element of {@code tag} with {@code attributes} and no children, up to {@code >}. */
        private static String startTag(String tag, List<Attribute> attributes) {
            HtmlRenderer renderer = new HtmlRenderer("");
            renderer.render(new Element(tag, attributes, List.of()));
            String html = renderer.html();
            return html.substring(0, html.length() - (Names.isVoid(tag) ? 0 : tag.length() + 3));
        }

        /** The attributes between {@code <tag} and {@code >}, as the renderer writes them. */
        private static String attributesHtml(String tag, List<Attribute> attributes) {
            String start = startTag(tag, attributes);
            return start.substring(tag.length() + 1, start.length() - 1);
        }

        /** Attributes in order, then the class, then the style: the renderer's order. */
        private void startTagWithHoles(Element e, List<Attribute> attributes) {
            String tag = e.tag();
            html(e.startTagPrefix());
            Set<String> names = new HashSet<>();
            List<ClassNames> classes = new ArrayList<>();
            List<Attribute> styles = new ArrayList<>();
            for (Attribute a : attributes) {
                switch (a) {
                    case Attribute.Attr attr -> {
                        if (!names.add(attr.name())) {
                            throw new IllegalArgumentException("attribute '" + attr.name() + "' is given twice in a template's <" + tag + ">");
                        }
                        if (attr.value() instanceof ValueHole hole) {
                            op(new WriteAttribute(attr.name(), hole.value()));
                        } else {
                            html(attributesHtml(tag, List.of(attr)));
                        }
                    }
                    case Attribute.ClassName c -> classes.add(new ClassNames(classNames(c.names()), null));
                    case Attribute.ClassIf c -> classes.add(new ClassNames(classNames(c.name()), ((ConditionHole) c.when()).when()));
                    case Attribute.Style s -> styles.add(s);
                    case Attribute.On on -> throw new AssertionError("events make the element shared");
                }
            }
            classes.removeIf(item -> item.names().isEmpty());
            if (!classes.isEmpty()) {
                op(new WriteClass(classes.toArray(ClassNames[]::new)));
            }
            if (!styles.isEmpty()) {
                html(attributesHtml(tag, styles));
            }
            html(">");
        }

        /** Class names as the renderer joins them (split on white space, one space apart), escaped. */
        private static String classNames(String names) {
            String html = attributesHtml("span", List.of(Html.cls(names)));
            return html.isEmpty() ? "" : html.substring(" class=\"".length(), html.length() - 1);
        }

        private static boolean isHole(DynamicText text) {
            return text.value() instanceof ValueHole;
        }

        private static boolean isHole(Attribute a) {
            return a instanceof Attribute.Attr attr && attr.value() instanceof ValueHole
                    || a instanceof Attribute.ClassIf c && c.when() instanceof ConditionHole;
        }

        /** A hole inside a part the renderer renders on its own would never see the value. */
        private static void requireNoHoles(Element e) {
            if (e.attributes().stream().anyMatch(Compiler::isHole) || e.children().stream().anyMatch(Compiler::containsHole)) {
                throw new IllegalArgumentException("a template hole is inside <" + e.tag() + ">, which has an event or a "
                        + "lambda and so is rendered as a whole: write that element as t.node(value -> ...)");
            }
        }

        private static boolean containsHole(Node node) {
            return switch (node) {
                case DynamicText d -> isHole(d);
                case NodeHole h -> true;
                case Element e -> e.attributes().stream().anyMatch(Compiler::isHole) || e.children().stream().anyMatch(Compiler::containsHole);
                case Fragment f -> f.children().stream().anyMatch(Compiler::containsHole);
                default -> false;   // text, raw HTML, lambdas; a component's insides are not known until it renders
            };
        }
    }

    /**
     * A hole's function as the compiled steps keep it. Safe: a template's steps only ever get the
     * value of one of its own instances, a {@code P}.
     */
    @SuppressWarnings("unchecked")
    private static <T> Function<Object, T> erased(Function<?, T> f) {
        return (Function<Object, T>) f;
    }

    @SuppressWarnings("unchecked")
    private static Predicate<Object> erased(Predicate<?> p) {
        return (Predicate<Object>) p;
    }
}
