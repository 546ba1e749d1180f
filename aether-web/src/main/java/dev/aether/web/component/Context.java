package dev.aether.web.component;

import dev.aether.web.html.Control;
import dev.aether.web.html.Node;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value handed down the component tree without passing it through props.
 *
 * <pre>{@code
 * static final Context<String> THEME = Context.create("light");
 * THEME.provide("dark", () -> component(Toolbar::new, props));   // as a node
 * // or inside a component: THEME.provide("dark");
 * String theme = THEME.use();                                    // nearest provider, or "light"
 * }</pre>
 */
public final class Context<T> {
    private final T defaultValue;

    private Context(T defaultValue) {
        this.defaultValue = defaultValue;
    }

    public static <T> Context<T> create(T defaultValue) {
        return new Context<>(defaultValue);
    }

    public T defaultValue() {
        return defaultValue;
    }

    /** Provides {@code value} to the rest of the current component and everything it renders. */
    public void provide(T value) {
        Scope.require("Context.provide").provide(this, value);
    }

    /** A node that renders {@code children} with {@code value} provided. */
    public Node provide(T value, Supplier<? extends Node> children) {
        Objects.requireNonNull(children, "children");
        Context<T> self = this;
        return (Control) target -> {
            Scope scope = Scope.child("Provider");
            scope.provide(self, value);
            Scope.run(scope, () -> {
                target.render(children.get());
                return null;
            });
        };
    }

    /** The value provided nearest up the component tree, or the default. */
    public T use() {
        Scope s = Scope.current();
        return s == null ? defaultValue : s.lookup(this);
    }
}
