package dev.aether.web.html;

import java.util.ArrayList;
import java.util.List;

/** An HTML element: a whitelisted tag, its attributes and its children. */
public record Element(String tag, List<Attribute> attributes, List<Node> children) implements Node {
    public Element {
        tag = Names.tagName(tag);
        attributes = List.copyOf(attributes);
        children = List.copyOf(children);
        if (Names.isVoid(tag) && !children.isEmpty()) {
            throw new IllegalArgumentException("<" + tag + "> is a void element and cannot have children");
        }
        if (Names.isRawText(tag)) {
            for (Node child : children) {
                if (!(child instanceof Text) && !(child instanceof DynamicText)) {
                    throw new IllegalArgumentException("<" + tag + "> can only contain text, not " + child.getClass().getSimpleName());
                }
            }
        }
    }

    /** Splits mixed parts into attributes and children. */
    static Element of(String tag, Part... parts) {
        List<Attribute> attributes = new ArrayList<>();
        List<Node> children = new ArrayList<>();
        for (Part part : parts) {
            switch (part) {
                case null -> throw new NullPointerException("null part in <" + tag + ">");
                case Attribute a -> attributes.add(a);
                case Node n -> children.add(n);
            }
        }
        return new Element(tag, attributes, children);
    }

    /** Whether the element needs a {@code data-ae} id: it has a dynamic attribute, class, style or event. */
    public boolean hasDynamicAttributes() {
        for (Attribute a : attributes) {
            if (a.dynamic()) {
                return true;
            }
        }
        return false;
    }
}
