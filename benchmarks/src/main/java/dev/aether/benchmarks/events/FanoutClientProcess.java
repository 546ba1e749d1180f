package dev.aether.benchmarks.events;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The subscribers of {@link EventFanoutBenchmark} in a JVM of their own, so that 10,000 client
 * sockets and 10,000 server sockets each stay under one process's 20,000 descriptors. Driven by
 * one-line commands on stdin, one answer line each on stdout (prefixed {@code @fanout}); exits when
 * stdin closes or after 15 minutes.
 *
 * <pre>
 * (start: uri peers)  → @fanout READY peers
 * CLOCK               → @fanout CLOCK nanoTime
 * ARM                 → @fanout ARMED
 * GO emittedNanos     → @fanout ROUND latency1,latency2,… (ns, one per peer)
 * </pre>
 */
public final class FanoutClientProcess {
    static final String PREFIX = "@fanout ";

    private FanoutClientProcess() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(15 * 60_000);
                Runtime.getRuntime().halt(3);
            } catch (InterruptedException e) {
                // closing normally
            }
        });
        watchdog.setDaemon(true);
        watchdog.start();
        try (FanoutPeers peers = FanoutPeers.open(URI.create(args[0]), Integer.parseInt(args[1]))) {
            protocol.println(PREFIX + "READY " + peers.size());
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.trim().split(" ");
                switch (f[0]) {
                    case "CLOCK" -> protocol.println(PREFIX + "CLOCK " + System.nanoTime());
                    case "ARM" -> {
                        peers.arm();
                        protocol.println(PREFIX + "ARMED");
                    }
                    case "GO" -> protocol.println(PREFIX + "ROUND " + Arrays.stream(peers.await(Long.parseLong(f[1]), 60))
                            .mapToObj(Long::toString).collect(Collectors.joining(",")));
                    default -> protocol.println(PREFIX + "ERROR unknown command " + line);
                }
            }
        }
        Runtime.getRuntime().halt(0);
    }
}
