package dev.aether.web.component;

import dev.aether.web.html.Control;
import dev.aether.web.html.RenderTarget;
import java.util.Objects;

/** A component with its props, as a node; made by {@link Components#component}. */
public record ComponentNode<P>(String name, Component<P> component, P props) implements Control {
    public ComponentNode {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(component, "component");
    }

    @Override
    public void render(RenderTarget target) {
        Scope scope = Scope.child(name);
        RenderTarget.Mark mark = target.mark();
        try {
            Owned.render(target, scope, () -> component.render(props));
        } catch (SuspendedException e) {
            throw e;
        } catch (RuntimeException e) {
            target.rollback(mark);
            if (!scope.handle(e)) {
                throw e;
            }
        }
    }
}
