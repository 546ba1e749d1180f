package dev.aether.benchmarks.rpc;

/**
 * The correctness check every scenario makes on every answer.
 *
 * <pre>{@code
 * EchoCheck.same(sent, echo.echo(sent));   // throws if the answer differs
 * }</pre>
 */
final class EchoCheck {
    private EchoCheck() {
    }

    static void same(EchoMessage sent, EchoMessage back) {
        if (!sent.equals(back)) {
            throw new IllegalStateException("sent " + sent + " but got back " + back);
        }
    }
}
