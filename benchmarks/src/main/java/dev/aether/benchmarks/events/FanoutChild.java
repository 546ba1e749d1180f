package dev.aether.benchmarks.events;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The parent's side of {@link FanoutClientProcess}: starts it with this JVM's {@code java} and class
 * path, and speaks its line protocol. Latencies cross the process boundary as
 * {@link System#nanoTime()} values (CLOCK_MONOTONIC on Linux, one clock for the machine);
 * {@link #checkClock()} verifies that before any figure is trusted.
 *
 * <pre>{@code
 * try (FanoutChild child = new FanoutChild(uri, 10_000, List.of("-Xmx2g"))) { child.arm(); ...; child.await(emitted); }
 * }</pre>
 */
final class FanoutChild implements AutoCloseable {
    private final Process process;
    private final PrintWriter to;
    private final BufferedReader from;
    final int peers;

    FanoutChild(URI uri, int peers, List<String> jvmArgs) {
        String java = ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), FanoutClientProcess.class.getName(), uri.toString(),
                Integer.toString(peers)));
        try {
            process = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start the subscribers' JVM " + cmd, e);
        }
        to = new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
        from = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.peers = Integer.parseInt(read("READY")[0]);
    }

    private String[] read(String expect) {
        try {
            for (String line = from.readLine(); line != null; line = from.readLine()) {
                if (!line.startsWith(FanoutClientProcess.PREFIX)) {
                    continue;
                }
                String[] f = line.substring(FanoutClientProcess.PREFIX.length()).split(" ");
                if (!f[0].equals(expect)) {
                    throw new IllegalStateException("subscribers' JVM answered " + line.substring(0, Math.min(200, line.length())));
                }
                return Arrays.copyOfRange(f, 1, f.length);
            }
        } catch (IOException e) {
            throw new IllegalStateException("subscribers' JVM unreadable", e);
        }
        throw new IllegalStateException("subscribers' JVM exited while we waited for " + expect);
    }

    private String[] call(String command, String expect) {
        to.println(command);
        return read(expect);
    }

    /** Throws unless the child's clock reading falls between two of ours, five times. */
    void checkClock() {
        for (int i = 0; i < 5; i++) {
            long a = System.nanoTime();
            long c = Long.parseLong(call("CLOCK", "CLOCK")[0]);
            long b = System.nanoTime();
            if (c < a || c > b) {
                throw new IllegalStateException("System.nanoTime is not shared with the child JVM: " + a + " <= " + c + " <= " + b);
            }
        }
    }

    void arm() {
        call("ARM", "ARMED");
    }

    long[] await(long emitted) {
        return Arrays.stream(call("GO " + emitted, "ROUND")[0].split(",")).mapToLong(Long::parseLong).toArray();
    }

    @Override
    public void close() {
        to.close();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
