package dev.aether.web.component;

import dev.aether.web.html.Node;

/**
 * A component: a function from props to a node, run once under its own owner and scope. Read
 * signals inside lambdas ({@code text(() -> props.name().get())}), not in the body, so that a live
 * session updates just those parts.
 */
@FunctionalInterface
public interface Component<P> {
    Node render(P props);
}
