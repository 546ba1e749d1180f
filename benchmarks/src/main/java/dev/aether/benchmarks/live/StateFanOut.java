package dev.aether.benchmarks.live;

import dev.aether.state.AetherState;
import dev.aether.titan.Titan;
import dev.aether.web.AetherWeb;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One query invalidation fanned out to many live pages, beside its in-run baseline: the same
 * pages and clients, the same number of sessions, updated by one {@code SharedSignal.set} (the
 * live layer's own fan-out, which a query entry uses underneath). Real Titan + AetherWeb on
 * 127.0.0.1, pages loaded by GET and attached by real WebSockets ({@link LiveClient}). Then the
 * retained heap per live session of the page with its query (one shared entry) beside the same
 * page without it.
 *
 * <pre>{@code
 * java -XX:+UseSerialGC -Xms4g -Xmx4g -XX:+AlwaysPreTouch -Dstate.sessions=1000 -Dstate.rounds=10 \
 *     -cp benchmarks/target/benchmarks.jar dev.aether.benchmarks.live.StateFanOut
 * }</pre>
 */
public final class StateFanOut {
    private static final Duration GRACE = Duration.ofMinutes(20);

    private StateFanOut() {
    }

    /** A Titan serving the state page (or the plain one) at LiveBenchPage.PATH, where LiveClient loads it. */
    private record StateServer(Titan titan, AetherWeb web, BenchCountService count, AetherState state) implements AutoCloseable {
        static StateServer start(boolean withQuery) {
            BenchCountService count = new BenchCountService();
            AetherState[] state = {null};
            AetherWeb web = AetherWeb.builder().gracePeriod(GRACE)
                    .page(LiveBenchPage.PATH, request -> new StateBenchPage(state[0], withQuery).page(request)).build();
            Titan titan = Titan.builder().host("127.0.0.1").port(0).service(count).mount(web).build().start();
            state[0] = AetherState.create(titan.client());
            return new StateServer(titan, web, count, state[0]);
        }

        URI base() {
            return URI.create("http://127.0.0.1:" + titan.port());
        }

        @Override
        public void close() {
            titan.stop();
        }
    }

    public static void main(String[] args) throws Exception {
        int sessions = Integer.getInteger("state.sessions", 1000);
        int rounds = Integer.getInteger("state.rounds", 10);
        int heapPages = Integer.getInteger("state.heapPages", 2000);
        System.out.println(LiveBenchmark.machine());

        boolean fanOut = Boolean.parseBoolean(System.getProperty("state.fanout", "true"));
        // warm-up: both kinds of page, rendered and attached, a few rounds each, on servers thrown away
        fanOutOfInvalidation(200, 3, false);
        fanOutOfSharedSignal(200, 3, false);

        // the two pages alternately, twice each: the spread between the two readings of one page is the noise
        long[] without = {heapPerSession(false, heapPages), 0};
        long[] with = {heapPerSession(true, heapPages), 0};
        without[1] = heapPerSession(false, heapPages);
        with[1] = heapPerSession(true, heapPages);
        List<String> lines = new ArrayList<>();
        if (fanOut) {
            lines.addAll(fanOutOfSharedSignal(sessions, rounds, true));
            lines.addAll(fanOutOfInvalidation(sessions, rounds, true));
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "Heap per live session, rendered and not attached (%d pages per reading, lowest used heap over 5 GCs): "
                + "without the query %,d B and %,d B; with the query %,d B and %,d B; difference of the means %,d B%n", heapPages,
                without[0], without[1], with[0], with[1], (with[0] + with[1] - without[0] - without[1]) / 2);
        lines.forEach(System.out::println);
        System.exit(0);
    }

    private static List<String> fanOutOfInvalidation(int sessions, int rounds, boolean report) throws Exception {
        List<String> out = new ArrayList<>();
        try (StateServer server = StateServer.start(true); LocalClients clients = new LocalClients(server.base(), 4, 40, false)) {
            Clients.Opened opened = clients.open(sessions, true);
            check(opened, sessions);
            System.gc();
            List<Long> p99s = new ArrayList<>();
            out.add("| invalidation round | received | fetches | p50 | p90 | p99 | max | invalidate returns after |");
            out.add("|---:|---:|---:|---:|---:|---:|---:|---:|");
            for (int round = 1; round <= rounds; round++) {
                int value = server.count().next();
                int callsBefore = server.count().calls();
                clients.arm(value);
                long t0 = System.nanoTime();
                int refetched = server.state().invalidateTags("count");
                long returned = System.nanoTime() - t0;
                RoundResult r = clients.await(t0, Duration.ofSeconds(30));
                int fetches = server.count().calls() - callsBefore;
                p99s.add(r.p99());
                out.add(String.format(Locale.ROOT, "| %d | %d/%d | %d (entries refetched: %d) | %s | %s | %s | %s | %s |", round, r.received(), r.expected(),
                        fetches, refetched, ms(r.p50()), ms(r.p90()), ms(r.p99()), ms(r.max()), ms(returned)));
                clients.acknowledge();
                Thread.sleep(1000);
            }
            out.add(String.format(Locale.ROOT, "Invalidation to %d sessions: median over %d rounds of p99 %s", sessions, rounds, ms(median(p99s))));
        }
        if (!report) {
            System.err.println("warm-up (invalidation): " + out.get(out.size() - 1));
        }
        return out;
    }

    private static List<String> fanOutOfSharedSignal(int sessions, int rounds, boolean report) throws Exception {
        List<String> out = new ArrayList<>();
        try (LiveServer server = new LiveServer(GRACE); LocalClients clients = new LocalClients(server.base(), 4, 40, false)) {
            Clients.Opened opened = clients.open(sessions, true);
            check(opened, sessions);
            System.gc();
            List<Long> p99s = new ArrayList<>();
            out.add("| SharedSignal.set round | received | p50 | p90 | p99 | max | set() returns after |");
            out.add("|---:|---:|---:|---:|---:|---:|---:|");
            for (int round = 1; round <= rounds; round++) {
                int value = round * 1000;
                clients.arm(value);
                long t0 = System.nanoTime();
                server.everyone.set(value);
                long returned = System.nanoTime() - t0;
                RoundResult r = clients.await(t0, Duration.ofSeconds(30));
                p99s.add(r.p99());
                out.add(String.format(Locale.ROOT, "| %d | %d/%d | %s | %s | %s | %s | %s |", round, r.received(), r.expected(),
                        ms(r.p50()), ms(r.p90()), ms(r.p99()), ms(r.max()), ms(returned)));
                clients.acknowledge();
                Thread.sleep(1000);
            }
            out.add(String.format(Locale.ROOT, "SharedSignal.set to %d sessions: median over %d rounds of p99 %s", sessions, rounds, ms(median(p99s))));
        }
        if (!report) {
            System.err.println("warm-up (shared signal): " + out.get(out.size() - 1));
        }
        return out;
    }

    /** Retained heap per page: lowest used heap over 5 GCs, before and after rendering {@code pages} pages nobody attaches. */
    private static long heapPerSession(boolean withQuery, int pages) throws Exception {
        try (StateServer server = StateServer.start(withQuery); LocalClients clients = new LocalClients(server.base(), 4, 40, false)) {
            clients.open(50, false);   // the client's connections and the server's first sessions exist before the baseline
            long before = usedHeapAfterGc();
            clients.open(pages, false);
            long after = usedHeapAfterGc();
            if (server.web().liveSessions() < pages) {
                throw new IllegalStateException("only " + server.web().liveSessions() + " sessions held");
            }
            return (after - before) / pages;
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        long lowest = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(50);
            lowest = Math.min(lowest, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return lowest;
    }

    private static void check(Clients.Opened opened, int sessions) {
        if (opened.attached().attached() != sessions) {
            throw new IllegalStateException(opened.attached().attached() + " of " + sessions + " attached: " + opened.attached().firstError());
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }
}
