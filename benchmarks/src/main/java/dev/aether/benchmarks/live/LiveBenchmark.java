package dev.aether.benchmarks.live;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Live sessions against a real Titan + AetherWeb on 127.0.0.1, real WebSockets (Jetty's client)
 * and real page loads (the JDK HttpClient):
 *
 * <ol>
 *   <li><b>Heap per idle session</b>: retained heap of the server's JVM (forced full collections,
 *       SerialGC) before and after rendering N {@link LiveBenchPage}s by GET, divided by N, in two
 *       increments of N: (a) sessions never attached; (b) each attached by a WebSocket whose
 *       client end is in the same JVM (an upper bound: the client's sockets are counted too);
 *       (c) attached from a child JVM, so only the server is counted; (d) as (c) with the client
 *       offering permessage-deflate, as browsers do. With a pre-touched heap the growth of the
 *       resident set is reported too (native memory: zlib, direct buffers).
 *   <li><b>Bytes per change</b>: one attached session receives a click on its +1 button; the
 *       frame the server sends back is printed with its exact size (UTF-8 payload, and with the
 *       WebSocket header). The same for a write of the shared signal. {@link RawWireProbe} then
 *       reads the same exchanges from a plain socket, headers included, without and with
 *       permessage-deflate.
 *   <li><b>Fan-out</b>: 10,000 sessions attached from a child JVM (one Jetty WebSocketClient,
 *       40 connections in flight at a time; the time is reported); then, in each round, the
 *       benchmark thread sets the SharedSignal the pages show once, and every client timestamps
 *       the frame carrying the new value. Per round p50/p99/max of set() → received, and the
 *       median of the rounds' p99. Both JVMs collect garbage once before the rounds (the new
 *       sessions are promoted then, not in a round) and two warm-up rounds for the fresh client
 *       JVM are not counted.
 * </ol>
 *
 * <p>Why a child JVM for the fan-out: 10,000 client sockets plus 10,000 server sockets in one
 * process need more than 20,000 file descriptors, and the hard limit here is 20,000 (root in a
 * container without CAP_SYS_RESOURCE cannot raise it). One process per side stays under it.
 * The program checks the limit and the ephemeral port range and lowers N, saying so, if they are
 * too small. Why 40 connections in flight: Titan listens with Jetty's default accept queue of 50;
 * more simultaneous connects overflow it and the kernel makes the clients retry a second later.
 *
 * <p>Settings (system properties): {@code live.heapSessions} (2000), {@code live.sessions}
 * (10000), {@code live.rounds} (10), {@code live.pauseMillis} (1000), {@code live.connectBatch}
 * (40), {@code live.childClients} (true: fan-out and heap (c), (d) use a child JVM),
 * {@code live.maxSeconds} (450: the whole program stops itself by then, the watchdog 30 s
 * later), {@code live.clientJvmArgs} ("-XX:+UseSerialGC -Xmx3g"), {@code live.phases} (all:
 * "wire,heap-a,heap-b,fanout,heap-c,heap-d"), {@code live.fanoutDeflate} (false; true: the
 * fan-out's clients offer permessage-deflate). Exits with 1 if any check failed.
 */
public final class LiveBenchmark {
    /** Sessions stay this long without a connection: far longer than any run. */
    static final Duration GRACE = Duration.ofMinutes(20);

    record Config(int warmupSessions, int heapSessions, int heapIncrements, int fanoutSessions, int rounds, long pauseMillis,
                  int renderConcurrency, int connectBatch, boolean childClients, long maxSeconds, long roundTimeoutMillis,
                  List<String> clientJvmArgs, Set<String> phases, int gcRounds, long settleMillis, boolean fanoutDeflate) {
        static final String ALL_PHASES = "wire,heap-a,heap-b,fanout,heap-c,heap-d";

        static Config fromSystemProperties() {
            return new Config(Integer.getInteger("live.warmupSessions", 500), Integer.getInteger("live.heapSessions", 2000), 2,
                    Integer.getInteger("live.sessions", 10_000), Integer.getInteger("live.rounds", 10),
                    Long.getLong("live.pauseMillis", 1000), Integer.getInteger("live.renderConcurrency", 4),
                    Integer.getInteger("live.connectBatch", 40), Boolean.parseBoolean(System.getProperty("live.childClients", "true")),
                    Long.getLong("live.maxSeconds", 450), Long.getLong("live.roundTimeoutMillis", 30_000),
                    Arrays.asList(System.getProperty("live.clientJvmArgs", "-XX:+UseSerialGC -Xmx3g").trim().split("\\s+")),
                    Set.of(System.getProperty("live.phases", ALL_PHASES).split(",")), 8, 500, Boolean.getBoolean("live.fanoutDeflate"));
        }

        boolean runs(String phase) {
            return phases.contains(phase);
        }
    }

    /**
     * Retained heap bytes per session, one figure per increment of {@code sessions}; and the growth
     * of the process's resident set per session (native memory included: zlib, direct buffers),
     * meaningful only with a pre-touched heap ({@code -XX:+AlwaysPreTouch}), else null.
     */
    record Heap(String label, int sessions, double[] perSession, double[] rssPerSession) {
        double mean() {
            return Arrays.stream(perSession).average().orElse(Double.NaN);
        }

        double rssMean() {
            return rssPerSession == null ? Double.NaN : Arrays.stream(rssPerSession).average().orElse(Double.NaN);
        }
    }

    /** A WebSocket text message and its size on the wire. */
    record Frame(String text, int payloadBytes, int headerBytes) {
        static Frame of(String text, boolean masked) {
            int payload = text.getBytes(StandardCharsets.UTF_8).length;
            int header = 2 + (payload > 65_535 ? 8 : payload > 125 ? 2 : 0) + (masked ? 4 : 0);
            return new Frame(text, payload, header);
        }

        int wireBytes() {
            return payloadBytes + headerBytes;
        }
    }

    /** The Jetty client's view (payloads; headers computed), then the raw socket's, without and with permessage-deflate. */
    record Wire(Frame click, List<Frame> clickAnswer, List<Frame> pushAnswer, String extensions, int pageBytes,
                RawWireProbe.Result plain, RawWireProbe.Result deflate) {
    }

    /** The server JVM's side of one round: how long set() took, and its CPU and GC time from before set() to the round's end. */
    record ServerRound(long setNanos, long cpuNanos, long gcMillis) {
    }

    record FanOut(int requested, int sessions, String limitNote, Clients.Opened opened, int serverSessions, int observers,
                  long clockCheckNanos, boolean childClients, boolean deflate, List<RoundResult> rounds, List<ServerRound> server) {
        double medianP99() {
            long[] p99 = rounds.stream().mapToLong(RoundResult::p99).sorted().toArray();
            if (p99.length == 0) {
                return Double.NaN;
            }
            return p99.length % 2 == 1 ? p99[p99.length / 2] : (p99[p99.length / 2 - 1] + p99[p99.length / 2]) / 2.0;
        }

        boolean complete() {
            return opened.attached().failed() == 0 && opened.attached().attached() == sessions
                    && rounds.stream().allMatch(r -> r.received() == r.expected());
        }
    }

    record Results(List<Heap> heap, Wire wire, FanOut fanOut, List<String> problems) {
    }

    private final Config cfg;
    private final PrintStream log;
    private final long started;
    private final long deadline;
    private final List<String> problems = new CopyOnWriteArrayList<>();

    LiveBenchmark(Config cfg, PrintStream log) {
        this.cfg = cfg;
        this.log = log;
        this.started = System.nanoTime();
        this.deadline = started + cfg.maxSeconds() * 1_000_000_000L;
    }

    public static void main(String[] args) throws Exception {
        Config cfg = Config.fromSystemProperties();
        long start = System.nanoTime();
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(cfg.maxSeconds() * 1000 + 30_000);
                System.err.println("live benchmark: " + (cfg.maxSeconds() + 30) + " s are up; stopping");
                ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
                Runtime.getRuntime().halt(2);
            } catch (InterruptedException e) {
                // finished in time
            }
        }, "live-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        System.out.println(machine());
        Results r = new LiveBenchmark(cfg, System.err).run(true);
        System.out.println(LiveReport.summary(cfg, r));
        System.out.printf(Locale.ROOT, "Whole run: %.0f s%n", (System.nanoTime() - start) / 1e9);
        watchdog.interrupt();
        System.exit(r.problems().isEmpty() ? 0 : 1);
    }

    Results run(boolean withChild) throws Exception {
        boolean child = withChild && cfg.childClients();
        warmUp();
        Wire wire = cfg.runs("wire") ? wire() : null;
        List<Heap> heap = new ArrayList<>();
        if (cfg.runs("heap-a")) {
            heap.add(heap("(a) rendered, never attached", server -> local(server), false));
        }
        if (cfg.runs("heap-b")) {
            heap.add(heap("(b) attached, client in the same JVM (upper bound)", server -> local(server), true));
        }
        FanOut fan = cfg.runs("fanout") ? fanOut(child) : null;
        if (child && cfg.runs("heap-c")) {
            if (secondsLeft() > reserveSeconds()) {
                heap.add(heap("(c) attached, client in a child JVM (server only)", server -> child(server, false), true));
            } else {
                problems.add("heap (c) skipped: only " + secondsLeft() + " s left");
            }
        }
        if (child && cfg.runs("heap-d")) {
            if (secondsLeft() > reserveSeconds()) {
                heap.add(heap("(d) as (c), the client offering permessage-deflate as browsers do", server -> child(server, true), true));
            } else {
                problems.add("heap (d) skipped: only " + secondsLeft() + " s left");
            }
        }
        return new Results(heap, wire, fan, List.copyOf(problems));
    }

    /** Time kept back for what follows a phase (closing, the report): an optional phase starts only with more left. */
    private long reserveSeconds() {
        return Math.min(60, cfg.maxSeconds() / 6);
    }

    private long secondsLeft() {
        return (deadline - System.nanoTime()) / 1_000_000_000L;
    }

    private LocalClients local(LiveServer server) {
        return new LocalClients(server.base(), cfg.renderConcurrency(), cfg.connectBatch(), false);
    }

    private ChildClients child(LiveServer server, boolean deflate) {
        return new ChildClients(server.base(), Math.max(30, secondsLeft() + 20), cfg.renderConcurrency(), cfg.connectBatch(), deflate,
                cfg.clientJvmArgs());
    }

    // ---- warm-up --------------------------------------------------------------------------------

    /** Class loading and the JIT, on a server thrown away afterwards: render, attach, click, push. */
    private void warmUp() throws Exception {
        if (cfg.warmupSessions() == 0) {
            return;
        }
        phase("warm-up: %d sessions", cfg.warmupSessions());
        try (LiveServer server = new LiveServer(GRACE); LocalClients clients = local(server)) {
            Clients.Opened o = clients.open(cfg.warmupSessions(), true);
            check(o.attached().failed() == 0, "warm-up: " + o.attached().failed() + " sockets failed: " + o.attached().firstError());
            for (ClientSocket s : clients.client.sockets) {
                if (s.session != null) {
                    s.send(click(s.page, 1, s.lastSeq));
                }
            }
            for (int v = 1; v <= 3; v++) {
                clients.arm(v);
                long t0 = System.nanoTime();
                server.everyone.set(v);
                clients.await(t0, Duration.ofSeconds(20));
                clients.acknowledge();
            }
        }
        settle();
    }

    private static String click(LivePage page, long seq, long lastSeen) {
        return "[\"e\"," + seq + ",\"" + page.incButtonId() + "\",\"click\",{}," + lastSeen + "]";
    }

    // ---- 2. bytes per change --------------------------------------------------------------------

    private Wire wire() throws Exception {
        phase("bytes per change: one session, a click on +1, then a write of the shared signal");
        try (LiveServer server = new LiveServer(GRACE); LocalClients clients = local(server)) {
            Clients.Opened o = clients.open(1, true);
            check(o.attached().attached() == 1, "bytes: the socket did not attach: " + o.attached().firstError());
            ClientSocket s = clients.client.sockets.get(0);
            String extensions = s.session.getUpgradeResponse().getExtensions().toString();
            List<String> seen = new CopyOnWriteArrayList<>();
            s.recorder = seen;
            String event = click(s.page, 1, s.lastSeq);
            s.send(event);
            List<String> clickFrames = collect(seen);
            seen.clear();
            server.everyone.set(server.everyone.peek() + 1);
            List<String> pushFrames = collect(seen);
            s.recorder = null;
            check(clickFrames.size() == 1, "bytes: expected one frame for the click, got " + clickFrames);
            check(pushFrames.size() == 1, "bytes: expected one frame for the push, got " + pushFrames);
            RawWireProbe.Result plain = RawWireProbe.measure(server, clients.client.render(1, 1).get(0), null);
            RawWireProbe.Result deflate = RawWireProbe.measure(server, clients.client.render(1, 1).get(0),
                    "permessage-deflate; client_max_window_bits");
            return new Wire(Frame.of(event, true), clickFrames.stream().map(f -> Frame.of(f, false)).toList(),
                    pushFrames.stream().map(f -> Frame.of(f, false)).toList(), extensions, o.htmlBytes(), plain, deflate);
        }
    }

    /** What arrives within 3 s, plus 150 ms after the first frame (to see whether more follow). */
    private static List<String> collect(List<String> seen) throws InterruptedException {
        long until = System.nanoTime() + 3_000_000_000L;
        while (seen.isEmpty() && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        Thread.sleep(150);
        return List.copyOf(seen);
    }

    // ---- 1. heap per idle session ---------------------------------------------------------------

    private Heap heap(String label, Function<LiveServer, Clients> clientsOf, boolean attach) throws Exception {
        int n = cfg.heapSessions();
        phase("heap %s: %d x %d sessions", label, cfg.heapIncrements(), n);
        double[] per = new double[cfg.heapIncrements()];
        double[] rss = new double[cfg.heapIncrements()];
        boolean preTouched = ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-XX:+AlwaysPreTouch");
        try (LiveServer server = new LiveServer(GRACE); Clients clients = clientsOf.apply(server)) {
            // Prime: the client's connections and the server's first sessions exist before the baseline.
            Clients.Opened primed = clients.open(cfg.renderConcurrency(), attach);
            check(!attach || primed.attached().failed() == 0, label + ": priming failed: " + primed.attached().firstError());
            Thread.sleep(cfg.settleMillis() / 2);
            long before = usedAfterGc();
            long rssBefore = rssBytes();
            for (int k = 0; k < per.length; k++) {
                Clients.Opened o = clients.open(n, attach);
                check(!attach || (o.attached().attached() == n && o.attached().failed() == 0),
                        label + ": " + o.attached().failed() + " of " + n + " sockets failed: " + o.attached().firstError());
                Thread.sleep(cfg.settleMillis() / 2);
                long after = usedAfterGc();
                long rssAfter = rssBytes();
                per[k] = (after - before) / (double) n;
                rss[k] = (rssAfter - rssBefore) / (double) n;
                log.printf(Locale.ROOT, "  increment %d: %.0f heap bytes/session (heap %d -> %d MB), RSS +%.0f bytes/session; render %.1f s,"
                                + " attach %.1f s%n", k + 1, per[k], before >> 20, after >> 20, rss[k], o.renderNanos() / 1e9,
                        o.attached().nanos() / 1e9);
                before = after;
                rssBefore = rssAfter;
            }
            int expected = cfg.renderConcurrency() + per.length * n;
            check(server.liveSessions() == expected, label + ": server holds " + server.liveSessions() + " sessions, expected " + expected);
        }
        settle();
        return new Heap(label, n, per, preTouched ? rss : null);
    }

    /** Lets the sessions of a stopped server finish ending on their contexts. */
    private void settle() throws InterruptedException {
        Thread.sleep(cfg.settleMillis());
        System.gc();
    }

    /** Used heap after repeated full collections, the lowest reading (as HeapMeter does; SerialGC: each is a full compaction). */
    private long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < cfg.gcRounds(); i++) {
            System.gc();
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }

    // ---- 3. fan-out -----------------------------------------------------------------------------

    private FanOut fanOut(boolean child) throws Exception {
        int requested = cfg.fanoutSessions();
        int n = requested;
        List<String> notes = new ArrayList<>();
        long fds = maxFileDescriptors();
        long margin = 1000;
        long perSession = child ? 1 : 2;   // server socket (+ client socket when both ends are in this JVM)
        if (fds > 0 && n * perSession + margin > fds) {
            int fit = (int) ((fds - margin) / perSession);
            notes.add("ulimit -n is " + fds + ": " + requested + " sessions need about " + (requested * perSession + margin)
                    + " descriptors in " + (child ? "each process" : "this process") + "; measuring " + fit
                    + " (raise it with `ulimit -n " + (requested * perSession + margin) + "` in the shell that runs this, if the hard limit allows)");
            n = fit;
        }
        int ports = ephemeralPorts();
        if (ports > 0 && n + margin > ports) {
            int fit = (int) (ports - margin);
            notes.add("only " + ports + " ephemeral ports (net.ipv4.ip_local_port_range); measuring " + fit);
            n = Math.min(n, fit);
        }
        String note = notes.isEmpty() ? null : String.join("; ", notes);
        if (note != null) {
            log.println("fan-out: " + note);
        }
        phase("fan-out: %d sessions, clients in %s%s", n, child ? "a child JVM" : "this JVM",
                child && cfg.fanoutDeflate() ? ", offering permessage-deflate" : "");
        try (LiveServer server = new LiveServer(GRACE); Clients clients = child ? child(server, cfg.fanoutDeflate()) : local(server)) {
            long clock = clients instanceof ChildClients c ? c.checkClock() : 0;
            Clients.Opened o = clients.open(n, true);
            log.printf(Locale.ROOT, "  rendered %d pages in %.1f s, attached %d (%d failed) in %.1f s%n", o.rendered(), o.renderNanos() / 1e9,
                    o.attached().attached(), o.attached().failed(), o.attached().nanos() / 1e9);
            check(o.attached().failed() == 0, "fan-out: " + o.attached().failed() + " sockets failed: " + o.attached().firstError());
            long attachedAt = System.nanoTime();
            int serverSessions = server.liveSessions();
            int observers = server.everyone.observerCount();
            check(serverSessions == n && observers == n,
                    "fan-out: the server holds " + serverSessions + " sessions and " + observers + " mirrors, expected " + n);
            List<RoundResult> rounds = new ArrayList<>();
            List<ServerRound> serverRounds = new ArrayList<>();
            // Steady state before the rounds: the sessions just made move to the old generation now,
            // as they would minutes after their users arrived, not in the middle of a round.
            clients.collectGarbage();
            System.gc();
            Thread.sleep(cfg.pauseMillis());
            int warmupRounds = cfg.warmupSessions() > 0 ? 2 : 0;   // the client JVM is fresh: its JIT warms up on these
            for (int r = 1 - warmupRounds; r <= cfg.rounds(); r++) {
                if (secondsLeft() < reserveSeconds()) {
                    problems.add("fan-out stopped after " + rounds.size() + " rounds: the time budget is nearly spent");
                    break;
                }
                int value = server.everyone.peek() + 1;
                clients.arm(value);
                long cpu0 = processCpuNanos();
                long gc0 = gcMillis();
                long t0 = System.nanoTime();
                server.everyone.set(value);
                long set = System.nanoTime() - t0;
                RoundResult rr = clients.await(t0, Duration.ofMillis(cfg.roundTimeoutMillis()));
                ServerRound sr = new ServerRound(set, processCpuNanos() - cpu0, gcMillis() - gc0);
                if (r >= 1) {
                    rounds.add(rr);
                    serverRounds.add(sr);
                }
                String name = r >= 1 ? Integer.toString(r) : "warm-up " + (r + warmupRounds);
                log.printf(Locale.ROOT, "  round %s (%.1f s after the attach): %d/%d received, p50 %.1f ms, p99 %.1f ms, max %.1f ms; set() %.1f ms; CPU server %.0f ms,"
                                + " client %.0f ms; GC server %d ms, client %d ms%n", name, (t0 - attachedAt) / 1e9, rr.received(), rr.expected(), rr.p50() / 1e6,
                        rr.p99() / 1e6, rr.max() / 1e6, set / 1e6, sr.cpuNanos() / 1e6, rr.clientCpuNanos() / 1e6, sr.gcMillis(),
                        rr.clientGcMillis());
                check(rr.received() == rr.expected(),
                        "fan-out round " + name + ": " + (rr.expected() - rr.received()) + " sessions never got the value");
                clients.acknowledge();
                Thread.sleep(cfg.pauseMillis());
            }
            return new FanOut(requested, n, note, o, serverSessions, observers, clock, child, child && cfg.fanoutDeflate(), rounds, serverRounds);
        } finally {
            settle();
        }
    }

    /** The process's resident set (VmRSS), or -1 where /proc is missing. */
    static long rssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (Exception e) {
            // not Linux
        }
        return -1;
    }

    /** CPU time this process has used (all threads). */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Time this JVM has spent in garbage collection. */
    static long gcMillis() {
        long sum = 0;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, gc.getCollectionTime());
        }
        return sum;
    }

    /** This process's file-descriptor limit, or -1 if the JVM cannot tell. */
    static long maxFileDescriptors() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            return unix.getMaxFileDescriptorCount();
        }
        return -1;
    }

    private static int ephemeralPorts() {
        try {
            String[] r = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim().split("\\s+");
            return Integer.parseInt(r[1]) - Integer.parseInt(r[0]) + 1;
        } catch (Exception e) {
            return -1;
        }
    }

    private void phase(String format, Object... args) {
        log.printf(Locale.ROOT, "[%5.1f s] " + format + "%n", prepend((System.nanoTime() - started) / 1e9, args));
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private void check(boolean ok, String problem) {
        if (!ok) {
            problems.add(problem);
            log.println("PROBLEM: " + problem);
        }
    }

    // ---- report ---------------------------------------------------------------------------------

    static String machine() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return String.format(Locale.ROOT, "Machine: %d processors, %.1f GiB RAM, %s %s; JVM %s %s, args %s; max file descriptors %d",
                Runtime.getRuntime().availableProcessors(), os.getTotalMemorySize() / (double) (1L << 30), System.getProperty("os.name"),
                System.getProperty("os.arch"), System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                ManagementFactory.getRuntimeMXBean().getInputArguments(), maxFileDescriptors());
    }
}
