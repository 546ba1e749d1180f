package dev.aether.reactive;

/**
 * Effects kept re-triggering each other (typically an effect that writes a signal it reads) for
 * more than 100 rounds of one update. Reported to each looping effect's error handler; the
 * effects stay alive.
 *
 * <pre>{@code
 * effect(() -> n.set(n.get() + 1)); // reports EffectLoopException instead of hanging
 * }</pre>
 */
public final class EffectLoopException extends ReactiveException {
    public EffectLoopException(String message) {
        super(message);
    }
}
