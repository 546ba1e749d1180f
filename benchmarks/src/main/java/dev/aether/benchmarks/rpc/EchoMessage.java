package dev.aether.benchmarks.rpc;

/**
 * The small record every scenario sends and expects back unchanged.
 *
 * <pre>{@code
 * EchoMessage sent = EchoMessage.numbered(42);   // {"id":42,"text":"hello, echo"}
 * sent.equals(echo.echo(sent));                  // the check each call makes
 * }</pre>
 *
 * @param id   the call's sequence number, so a mixed-up answer is caught
 * @param text a short fixed payload
 */
public record EchoMessage(long id, String text) {
    /** The payload: short, like a typical small RPC argument. */
    public static final String TEXT = "hello, echo";

    public static EchoMessage numbered(long id) {
        return new EchoMessage(id, TEXT);
    }
}
