package dev.aether.reactive;

/** An owner with no computation, made by {@link Reactive#createRoot}. */
final class Root extends Owner implements Disposable {
    Root(ReactiveContext context, Owner lookupParent) {
        super(context, lookupParent);
    }

    @Override
    public void dispose() {
        context.checkThread(null);
        disposeOwner(false);
    }
}
