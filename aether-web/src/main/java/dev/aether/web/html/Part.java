package dev.aether.web.html;

/** Anything that goes between an element's parentheses: a child {@link Node} or an {@link Attribute}. */
public sealed interface Part permits Node, Attribute {
}
