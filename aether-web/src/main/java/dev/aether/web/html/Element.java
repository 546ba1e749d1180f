package dev.aether.web.html;

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

    /**
     * Splits mixed parts into attributes and children. Counts first so that each goes into an
     * exactly sized array, then one {@code List.of} copy, which the constructor's
     * {@code List.copyOf} keeps as it is: elements are built on every render.
     */
    static Element of(String tag, Part... parts) {
        int attributeCount = 0;
        for (Part part : parts) {
            switch (part) {
                case null -> throw new NullPointerException("null part in <" + tag + ">");
                case Attribute a -> attributeCount++;
                case Node n -> {
                }
            }
        }
        Attribute[] attributes = new Attribute[attributeCount];
        Node[] children = new Node[parts.length - attributeCount];
        int a = 0, c = 0;
        for (Part part : parts) {
            if (part instanceof Attribute attribute) {
                attributes[a++] = attribute;
            } else {
                children[c++] = (Node) part;
            }
        }
        return new Element(tag, List.of(attributes), List.of(children));
    }

    /** Whether the element needs a {@code data-ae} id: it has a dynamic attribute, class, style or event. */
    public boolean hasDynamicAttributes() {
        for (int i = 0; i < attributes.size(); i++) {
            if (attributes.get(i).dynamic()) {
                return true;
            }
        }
        return false;
    }
}
