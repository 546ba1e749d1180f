package dev.aether.benchmarks.live;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The client JVM that {@link ChildClients} starts: one {@link LocalClients}, driven by one-line
 * commands on stdin, answering one line each on stdout (prefixed {@code @live}). Everything
 * else this JVM prints (logs included) goes to stderr. It exits when stdin closes (the parent
 * is gone) or after {@code maxSeconds}, whatever happens.
 *
 * <pre>
 * OPEN n attach(0|1)   → @live OPENED rendered renderNanos htmlBytes attached failed connectNanos maxFds [firstError]
 * CLOCK                → @live CLOCK nanoTime
 * ARM value            → @live ARMED
 * GO t0 timeoutMillis  → @live ROUND expected received min p50 p90 p99 max cpuNanos gcMillis
 * GC                   → @live GCED
 * ACK                  → @live ACKED
 * CLOSE                → @live CLOSED (then exits)
 * </pre>
 */
public final class LiveClientProcess {
    static final String PREFIX = "@live ";

    private LiveClientProcess() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);   // before anything logs: logback's console appender would write to stdout
        URI base = URI.create(args[0]);
        long maxSeconds = Long.parseLong(args[1]);
        int renderConcurrency = Integer.parseInt(args[2]);
        int connectBatch = Integer.parseInt(args[3]);
        boolean deflate = Boolean.parseBoolean(args[4]);
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(maxSeconds * 1000);
                System.err.println("live client process: " + maxSeconds + " s are up, exiting");
                Runtime.getRuntime().halt(3);
            } catch (InterruptedException e) {
                // closing normally
            }
        }, "live-client-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();

        LocalClients clients = new LocalClients(base, renderConcurrency, connectBatch, deflate);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        try {
            while ((line = in.readLine()) != null) {
                String[] f = line.trim().split(" ");
                switch (f[0]) {
                    case "OPEN" -> {
                        Clients.Opened o = clients.open(Integer.parseInt(f[1]), f[2].equals("1"));
                        LiveClient.Attached a = o.attached();
                        protocol.println(PREFIX + "OPENED " + o.rendered() + " " + o.renderNanos() + " " + o.htmlBytes() + " " + a.attached()
                                + " " + a.failed() + " " + a.nanos() + " " + LiveBenchmark.maxFileDescriptors()
                                + (a.firstError() == null ? "" : " " + a.firstError().replace('\n', ' ')));
                    }
                    case "CLOCK" -> protocol.println(PREFIX + "CLOCK " + System.nanoTime());
                    case "ARM" -> {
                        clients.arm(Integer.parseInt(f[1]));
                        protocol.println(PREFIX + "ARMED");
                    }
                    case "GO" -> protocol.println(PREFIX + "ROUND "
                            + clients.await(Long.parseLong(f[1]), Duration.ofMillis(Long.parseLong(f[2]))).wire());
                    case "GC" -> {
                        clients.collectGarbage();
                        protocol.println(PREFIX + "GCED");
                    }
                    case "ACK" -> {
                        clients.acknowledge();
                        protocol.println(PREFIX + "ACKED");
                    }
                    case "CLOSE" -> {
                        clients.close();
                        protocol.println(PREFIX + "CLOSED");
                        watchdog.interrupt();
                        System.exit(0);
                    }
                    default -> protocol.println(PREFIX + "ERROR unknown command " + line);
                }
            }
        } catch (RuntimeException e) {
            e.printStackTrace();
            protocol.println(PREFIX + "ERROR " + String.valueOf(e).replace('\n', ' '));
        }
        System.err.println("live client process: parent gone or failed, exiting");
        Runtime.getRuntime().halt(1);
    }
}
