package dev.aether.web.html;

import dev.aether.web.safety.Names;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An HTML element: a whitelisted tag, its attributes and its children. Immutable; two elements
 * are equal when their tags, attributes and children are.
 *
 * <pre>{@code
 * Element link = a(href("/docs"), cls("nav"), text("Docs"));
 * link.tag();             // "a"
 * link.attributeCount();  // 2
 * link.child(0);          // Text[value=Docs]
 * }</pre>
 *
 * <p>Not a record: elements are built on every render, so an element keeps its parts in two
 * arrays, no lists, and works out once, when it is built, what the renderer asks of every
 * element (void, raw text, any dynamic attribute, only plain ones).
 */
public final class Element implements Node {
    private static final int DYNAMIC = 1, PLAIN = 2;
    private static final Attribute[] NO_ATTRIBUTES = {};
    private static final Node[] NO_CHILDREN = {};

    private final Tag tag;
    private final Attribute[] attributes;
    private final Node[] children;
    private final int flags;

    /** An element of {@code tag} (see {@link Names#tagName}); throws if the children do not fit the tag. */
    public Element(String tag, List<Attribute> attributes, List<Node> children) {
        this(Tag.of(Names.tagName(tag)), withoutNulls(attributes.toArray(NO_ATTRIBUTES)), withoutNulls(children.toArray(NO_CHILDREN)));
    }

    private Element(Tag tag, Attribute[] attributes, Node[] children) {
        this.tag = tag;
        this.attributes = attributes;
        this.children = children;
        this.flags = flags(tag, attributes, children);
    }

    private static <T> T[] withoutNulls(T[] parts) {
        for (T part : parts) {
            Objects.requireNonNull(part, "null attribute or child");
        }
        return parts;
    }

    /** {@code tag} with mixed parts, as the DSL writes them: {@code div(cls("x"), text("y"))}. */
    static Element of(String tag, Part... parts) {
        return ofValidTag(Tag.of(Names.tagName(tag)), parts);
    }

    /**
     * For the DSL's own tags, which are whitelisted already. Splits mixed parts into attributes
     * and children, in one pass over arrays of their own (so that the element does not change
     * when a caller changes an array it passed); most elements have no attributes, and then the
     * children's array is the only one made.
     */
    static Element ofValidTag(Tag tag, Part... parts) {
        Node[] children = new Node[parts.length];
        Attribute[] attributes = NO_ATTRIBUTES;
        int a = 0, c = 0;
        for (Part part : parts) {
            if (part instanceof Node node) {
                children[c++] = node;
            } else if (part instanceof Attribute attribute) {
                if (a == 0) {
                    attributes = new Attribute[parts.length - c];
                }
                attributes[a++] = attribute;
            } else {
                throw new NullPointerException("null part in <" + tag.name() + ">");
            }
        }
        return new Element(tag, a == attributes.length ? attributes : Arrays.copyOf(attributes, a),
                c == children.length ? children : Arrays.copyOf(children, c));
    }

    private static int flags(Tag tag, Attribute[] attributes, Node[] children) {
        if (tag.isVoid() && children.length > 0) {
            throw new IllegalArgumentException("<" + tag.name() + "> is a void element and cannot have children");
        }
        if (tag.isRawText()) {
            for (Node child : children) {
                if (!(child instanceof Text) && !(child instanceof DynamicText)) {
                    throw new IllegalArgumentException("<" + tag.name() + "> can only contain text, not " + child.getClass().getSimpleName());
                }
            }
        }
        int flags = PLAIN;
        for (int i = 0; i < attributes.length; i++) {
            if (attributes[i].dynamic()) {
                flags |= DYNAMIC;
            }
            if (!isPlain(attributes, i)) {
                flags &= ~PLAIN;
            }
        }
        return flags;
    }

    /** A static attribute whose name no earlier attribute has, or static class names. */
    private static boolean isPlain(Attribute[] attributes, int i) {
        if (attributes[i] instanceof Attribute.Attr attr) {
            if (attr.dynamic()) {
                return false;
            }
            for (int j = 0; j < i; j++) {
                if (attributes[j] instanceof Attribute.Attr earlier && earlier.name().equals(attr.name())) {
                    return false;
                }
            }
            return true;
        }
        return attributes[i] instanceof Attribute.ClassName;
    }

    /** The lower-case tag name. */
    public String tag() {
        return tag.name();
    }

    /** The start tag without attributes, as written when there are none: {@code <td>}. */
    public String startTag() {
        return tag.start();
    }

    /** The start tag's beginning, which attributes and {@code >} follow: {@code <td}. */
    public String startTagPrefix() {
        return tag.startPrefix();
    }

    /** The end tag, {@code </td>}; empty for a void element. */
    public String endTag() {
        return tag.end();
    }

    /** The attributes, classes, styles and events, in the order given. */
    public List<Attribute> attributes() {
        return List.of(attributes);
    }

    /** The child nodes, in order. */
    public List<Node> children() {
        return List.of(children);
    }

    public int attributeCount() {
        return attributes.length;
    }

    /** Attribute {@code i}, {@code 0 <= i < attributeCount()}. */
    public Attribute attribute(int i) {
        return attributes[i];
    }

    public int childCount() {
        return children.length;
    }

    /** Child {@code i}, {@code 0 <= i < childCount()}. */
    public Node child(int i) {
        return children[i];
    }

    /** Whether the element has no end tag and no content ({@code <br>}, {@code <input>}…). */
    public boolean isVoid() {
        return tag.isVoid();
    }

    /** Whether the parser reads its content as text only ({@code <textarea>}, {@code <title>}). */
    public boolean isRawText() {
        return tag.isRawText();
    }

    /** Whether the element needs a {@code data-ae} id: it has a dynamic attribute, class, style or event. */
    public boolean hasDynamicAttributes() {
        return (flags & DYNAMIC) != 0;
    }

    /**
     * Whether every attribute is a static attribute or static class names, with no attribute name
     * given twice (true for an element without attributes): these can be written as they come.
     */
    public boolean hasOnlyPlainAttributes() {
        return (flags & PLAIN) != 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Element e && tag.name().equals(e.tag.name()) && Arrays.equals(attributes, e.attributes) && Arrays.equals(children, e.children);
    }

    @Override
    public int hashCode() {
        return (31 * tag.name().hashCode() + Arrays.hashCode(attributes)) * 31 + Arrays.hashCode(children);
    }

    @Override
    public String toString() {
        return "Element[tag=" + tag.name() + ", attributes=" + attributes() + ", children=" + children() + "]";
    }
}
