package dev.aether.web.live;

/**
 * The body of one live binding's effect. The first run renders into the page being built, so an
 * exception there must reach the renderer (as in SSR: to the nearest error boundary) rather than
 * an effect error handler: it is kept and {@linkplain #rethrow rethrown} once the effect is
 * created. Exceptions of later runs go to the owner chain's error handlers like any effect's.
 */
abstract class Binding implements Runnable {
    private boolean started;
    private RuntimeException failure;

    /** One run: {@code first} is true the first time. */
    abstract void update(boolean first);

    @Override
    public final void run() {
        boolean first = !started;
        started = true;
        try {
            update(first);
        } catch (RuntimeException e) {
            if (!first) {
                throw e;
            }
            failure = e;
        }
    }

    /** Throws what the first run threw, if anything. */
    final void rethrow() {
        if (failure != null) {
            throw failure;
        }
    }
}
