package dev.aether.web.component;

import dev.aether.reactive.Resource;
import dev.aether.web.html.Control;
import dev.aether.web.html.Node;
import dev.aether.web.html.RenderTarget;
import dev.aether.web.protocol.LiveProtocol;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A boundary that shows {@code fallback} while something read inside {@code content} is loading.
 * During SSR the shell carries the fallback between {@code <!--ae:uID-->} markers; the streaming
 * renderer sends the content later. Create resources outside the boundary (the content may render
 * more than once) and read them inside with {@link #read}.
 */
public record Suspense(Supplier<? extends Node> fallback, Supplier<? extends Node> content) implements Control {
    public Suspense {
        Objects.requireNonNull(fallback, "fallback");
        Objects.requireNonNull(content, "content");
    }

    /**
     * The resource's data; suspends while its first fetch is pending, throws its error when it
     * failed (to the nearest error boundary). A refreshing resource gives its previous data.
     */
    public static <T> T read(Resource<T> resource) {
        return switch (resource.state()) {
            case PENDING -> throw new SuspendedException(() -> resource.state() != Resource.State.PENDING);
            case ERRORED -> throw resource.error() instanceof RuntimeException re ? re
                    : new IllegalStateException("resource failed", resource.error());
            default -> resource.get();
        };
    }

    @Override
    public void render(RenderTarget target) {
        String id = target.nextId();
        Scope scope = Scope.current();
        target.openMarker(LiveProtocol.Markup.SUSPENSE_MARKER, id, null);
        RenderTarget.Mark mark = target.mark();
        try {
            Owned.render(target, Scope.child("Suspense"), content);
        } catch (SuspendedException e) {
            target.rollback(mark);
            Owned.render(target, Scope.child("SuspenseFallback"), fallback);
            target.defer(id, e.ready(), (Control) later -> Scope.run(scope, () -> {
                Owned.render(later, Scope.child("Suspense"), content);
                return null;
            }));
        }
        target.closeMarker(LiveProtocol.Markup.SUSPENSE_MARKER, id);
    }
}
