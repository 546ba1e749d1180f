package dev.aether.web.html;

/**
 * An immutable description of a piece of HTML. Nothing is rendered when a node is built; dynamic
 * parts are lambdas that a renderer evaluates (once during SSR, in an effect in a live session).
 */
public sealed interface Node extends Part permits Element, Text, DynamicText, RawHtml, Fragment, Control {
}
