package dev.aether.web.live;

/**
 * Where the bindings of a live page send what changed: all they know of the session. The
 * session's {@link Outbox} gathers the patches of one task into one frame.
 *
 * <pre>{@code
 * sink.emit(new Patch.Text(id, "2"));
 * sink.afterInsertion(() -> chart.draw());   // once the HTML rendered with it is in the browser
 * }</pre>
 */
interface PatchSink {
    /** Sends {@code patch} with the others of the current task. */
    void emit(Patch patch);

    /** Runs {@code mount} once the HTML rendered so far is in the browser (an onMount hook). */
    void afterInsertion(Runnable mount);
}
