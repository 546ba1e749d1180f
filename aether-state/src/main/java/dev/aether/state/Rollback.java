package dev.aether.state;

/**
 * Undoes an optimistic write ({@link AetherState#setQueryData}); running it twice does nothing
 * more. It never undoes what a newer write or fetch put there meanwhile.
 *
 * <pre>{@code
 * Rollback undo = state.setQueryData(Invalidation.tags("todos"), old -> withDraft(old));
 * undo.run();
 * }</pre>
 */
@FunctionalInterface
public interface Rollback extends Runnable {
}
