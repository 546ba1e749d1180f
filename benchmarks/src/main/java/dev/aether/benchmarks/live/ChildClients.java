package dev.aether.benchmarks.live;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The clients in a child JVM ({@link LiveClientProcess}), started with this JVM's {@code java}
 * and class path. Its sockets, buffers and threads are not in this JVM's heap, and its file
 * descriptors count against its own limit.
 *
 * <p>Latencies cross the process boundary as {@link System#nanoTime()} values: on Linux HotSpot
 * that is {@code CLOCK_MONOTONIC}, one clock for the whole machine. {@link #checkClock()}
 * verifies it (the child's reading must fall between two of the parent's).
 */
final class ChildClients implements Clients {
    private final Process process;
    private final PrintWriter to;
    private final BufferedReader from;
    int childMaxFds = -1;

    ChildClients(URI base, long maxSeconds, int renderConcurrency, int connectBatch, boolean deflate, List<String> jvmArgs) {
        String java = ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), LiveClientProcess.class.getName(), base.toString(),
                Long.toString(maxSeconds), Integer.toString(renderConcurrency), Integer.toString(connectBatch), Boolean.toString(deflate)));
        try {
            process = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start the client JVM " + cmd, e);
        }
        to = new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
        from = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    long pid() {
        return process.pid();
    }

    private String[] call(String command, String expect) {
        to.println(command);
        try {
            String line;
            while ((line = from.readLine()) != null) {
                if (!line.startsWith(LiveClientProcess.PREFIX)) {
                    System.err.println("[client] " + line);
                    continue;
                }
                String[] f = line.substring(LiveClientProcess.PREFIX.length()).split(" ");
                if (!f[0].equals(expect)) {
                    throw new IllegalStateException("client JVM answered " + line + " to " + command);
                }
                return f;
            }
        } catch (IOException e) {
            throw new IllegalStateException("client JVM unreadable", e);
        }
        throw new IllegalStateException("client JVM exited (code " + exitCode() + ") during " + command);
    }

    private String exitCode() {
        try {
            return process.waitFor(2, TimeUnit.SECONDS) ? Integer.toString(process.exitValue()) : "still running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    /** The largest gap between the parent's two readings around the child's, in ns; throws if the clocks disagree. */
    long checkClock() {
        call("CLOCK", "CLOCK");   // the first answer waits for the JVM to start: not a reading
        long worst = 0;
        for (int i = 0; i < 5; i++) {
            long a = System.nanoTime();
            long c = Long.parseLong(call("CLOCK", "CLOCK")[1]);
            long b = System.nanoTime();
            if (c < a || c > b) {
                throw new IllegalStateException("System.nanoTime is not shared with the child JVM: " + a + " <= " + c + " <= " + b
                        + " does not hold; cross-process latencies would be meaningless");
            }
            worst = Math.max(worst, b - a);
        }
        return worst;
    }

    @Override
    public Opened open(int n, boolean attach) {
        String[] f = call("OPEN " + n + " " + (attach ? 1 : 0), "OPENED");
        childMaxFds = Integer.parseInt(f[7]);
        String error = f.length > 8 ? String.join(" ", Arrays.copyOfRange(f, 8, f.length)) : null;
        return new Opened(Integer.parseInt(f[1]), Long.parseLong(f[2]), Integer.parseInt(f[3]),
                new LiveClient.Attached(Integer.parseInt(f[4]), Integer.parseInt(f[5]), Long.parseLong(f[6]), error));
    }

    @Override
    public void arm(int value) {
        call("ARM " + value, "ARMED");
    }

    @Override
    public RoundResult await(long t0, Duration timeout) {
        return RoundResult.fromWire(call("GO " + t0 + " " + timeout.toMillis(), "ROUND"), 1);
    }

    @Override
    public void collectGarbage() {
        call("GC", "GCED");
    }

    @Override
    public void acknowledge() {
        call("ACK", "ACKED");
    }

    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                call("CLOSE", "CLOSED");
            }
        } catch (RuntimeException e) {
            System.err.println("client JVM close: " + e.getMessage());
        } finally {
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    void kill() {
        process.destroyForcibly();
    }
}
