package dev.aether.state;

/**
 * Where a {@link Mutation} stands.
 *
 * <pre>{@code
 * button(attr("disabled", () -> save.status().get() == MutationStatus.PENDING), text("Save"));
 * }</pre>
 */
public enum MutationStatus {
    /** Not run since it was made or {@linkplain Mutation#reset() reset}. */
    IDLE,
    /** Running. */
    PENDING,
    /** The latest run succeeded. */
    SUCCESS,
    /** The latest run failed (after its retries, if any). */
    ERROR
}
