package dev.aether.examples.showcase;

import dev.aether.titan.Titan;
import java.util.List;

/**
 * The example application: a calculator and a users service on Titan, reachable over Netron
 * HTTP and WebSocket on 127.0.0.1:8080 ({@code PORT} changes the port). It prints the curl lines
 * to try it and runs until Ctrl-C, which stops Titan gracefully.
 *
 * <pre>{@code
 * ./mvnw -pl examples/showcase -am test-compile exec:java                        # the application
 * PORT=9090 ./mvnw -pl examples/showcase -am test-compile exec:java              # on another port
 * ./mvnw -pl examples/showcase -am test-compile exec:java -Dexec.args=--tour     # the reactive-core tour
 * }</pre>
 */
public final class Showcase {
    private Showcase() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (List.of(args).contains("--tour")) {
            new ReactiveTour(System.out).run();
            return;
        }
        ListenAddress address;
        try {
            address = ListenAddress.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Titan titan = ShowcaseServer.create(address).start();
        // Ctrl-C runs shutdown hooks: calls in flight finish before the server closes.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            titan.stop();
            System.out.println("Aether showcase stopped.");
        }, "showcase-stop"));
        new Banner(System.out).print(titan.httpUri(), titan.webSocketUri());
        // Jetty serves on its own threads; the main thread only has to stay alive.
        Thread.currentThread().join();
    }
}
