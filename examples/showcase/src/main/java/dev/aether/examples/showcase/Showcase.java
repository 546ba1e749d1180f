package dev.aether.examples.showcase;

import java.io.PrintStream;

/**
 * The example application. Until the server and the live UI arrive, it walks through the
 * reactive core and prints what happens at each step.
 *
 * <pre>{@code ./mvnw -q -pl examples/showcase -am compile exec:java}</pre>
 */
public final class Showcase {
    private Showcase() {
    }

    public static void main(String[] args) {
        new ReactiveTour(System.out).run();
    }

    static PrintStream out() {
        return System.out;
    }
}
