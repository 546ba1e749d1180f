package dev.aether.benchmarks.live;

import dev.aether.benchmarks.live.LiveBenchmark.Config;
import dev.aether.benchmarks.live.LiveBenchmark.FanOut;
import dev.aether.benchmarks.live.LiveBenchmark.Frame;
import dev.aether.benchmarks.live.LiveBenchmark.Heap;
import dev.aether.benchmarks.live.LiveBenchmark.Results;
import dev.aether.benchmarks.live.LiveBenchmark.ServerRound;
import dev.aether.benchmarks.live.LiveBenchmark.Wire;
import java.util.List;
import java.util.Locale;

/** The Markdown summary {@link LiveBenchmark} prints on stdout. */
final class LiveReport {
    private LiveReport() {
    }

    static String summary(Config cfg, Results r) {
        StringBuilder s = new StringBuilder("\n## Live sessions: results\n");
        if (!r.heap().isEmpty()) {
            heap(s, r.heap());
        }
        if (r.wire() != null) {
            wire(s, r.wire());
        }
        if (r.fanOut() != null) {
            fanOut(s, cfg, r.fanOut());
        }
        if (!r.problems().isEmpty()) {
            s.append("\nProblems:\n");
            r.problems().forEach(p -> s.append("- ").append(p).append('\n'));
        }
        return s.toString();
    }

    private static void heap(StringBuilder s, List<Heap> heap) {
        s.append("\n### 1. Retained heap per idle live session (target <= 20 KB)\n\n");
        s.append("| sessions | per increment | heap, increment 1 | heap, increment 2 | heap, mean | <= 20,000 B? | RSS growth, mean |\n"
                + "|---|---:|---:|---:|---:|:-:|---:|\n");
        for (Heap h : heap) {
            s.append("| ").append(h.label()).append(" | ").append(h.sessions()).append(" |");
            for (double p : h.perSession()) {
                s.append(String.format(Locale.ROOT, " %,.0f B |", p));
            }
            s.append(String.format(Locale.ROOT, " %,.0f B (%.1f KB) | %s | %s |%n", h.mean(), h.mean() / 1000, h.mean() <= 20_000 ? "yes" : "no",
                    h.rssPerSession() == null ? "n/a (heap not pre-touched)" : String.format(Locale.ROOT, "%,.0f B", h.rssMean())));
        }
    }

    private static void wire(StringBuilder s, Wire w) {
        s.append("\n### 2. Bytes on the wire for a one-text change (target <= 64 B)\n\n");
        s.append("Jetty WebSocketClient (negotiated extensions: ").append(w.extensions()).append("; payload as received, header from its length;")
                .append(" page HTML ").append(w.pageBytes()).append(" B):\n\n");
        s.append("| message | frame | payload | on the wire |\n|---|---|---:|---:|\n");
        s.append(row("click on +1, client -> server (masked)", w.click()));
        w.clickAnswer().forEach(f -> s.append(row("its answer, server -> client", f)));
        w.pushAnswer().forEach(f -> s.append(row("shared signal write, server -> client", f)));
        raw(s, w.plain());
        raw(s, w.deflate());
    }

    private static void raw(StringBuilder s, RawWireProbe.Result r) {
        s.append("\nRaw socket, bytes as read from the wire; offered extensions: ").append(r.offered()).append("; negotiated: ")
                .append(r.negotiated()).append("\n\n| message | frame (inflated if compressed) | header | payload | on the wire |\n")
                .append("|---|---|---:|---:|---:|\n");
        s.append(rawRow("resume frame", r.resume()));
        for (int i = 0; i < r.sent().size(); i++) {
            s.append(rawRow("click " + (i + 1) + ", client -> server (masked, uncompressed)", r.sent().get(i)));
            s.append(rawRow("answer " + (i + 1), r.clickAnswers().get(i)));
        }
        for (int i = 0; i < r.pushAnswers().size(); i++) {
            s.append(rawRow("shared write " + (i + 1), r.pushAnswers().get(i)));
        }
    }

    private static String rawRow(String what, RawWireProbe.RawFrame f) {
        return String.format(Locale.ROOT, "| %s | `%s`%s | %d B | %d B | %d B |%n", what, f.text(), f.compressed() ? " (deflated)" : "",
                f.headerBytes(), f.payloadBytes(), f.wireBytes());
    }

    private static String row(String what, Frame f) {
        return String.format(Locale.ROOT, "| %s | `%s` | %d B | %d B (%d B header) |%n", what, f.text(), f.payloadBytes(), f.wireBytes(),
                f.headerBytes());
    }

    private static void fanOut(StringBuilder s, Config cfg, FanOut f) {
        s.append("\n### 3. Fan-out of one SharedSignal write (target p99 <= 500 ms)\n\n");
        if (f.limitNote() != null) {
            s.append("Requested ").append(f.requested()).append(" sessions: ").append(f.limitNote()).append("\n\n");
        }
        Clients.Opened o = f.opened();
        s.append(String.format(Locale.ROOT,
                "%,d sessions; the server holds %,d live sessions, the shared signal %,d mirrors. Clients in %s. Rendered (GET, %d at a time)"
                        + " in %.1f s (%.0f pages/s); attached in %.1f s (%.0f sockets/s, %d failed) in batches of %d"
                        + " (each waits for the previous one's resume frames).%s%n%n",
                f.sessions(), f.serverSessions(), f.observers(), (f.childClients() ? "a child JVM" : "this JVM")
                        + (f.deflate() ? " offering permessage-deflate" : ", no WebSocket extension"), cfg.renderConcurrency(),
                o.renderNanos() / 1e9, o.rendered() / (o.renderNanos() / 1e9), o.attached().nanos() / 1e9,
                o.attached().attached() / (o.attached().nanos() / 1e9), o.attached().failed(), cfg.connectBatch(),
                f.clockCheckNanos() > 0 ? String.format(Locale.ROOT,
                        " The child's System.nanoTime was checked against this JVM's (5 readings, each inside a bracket of <= %.2f ms).",
                        f.clockCheckNanos() / 1e6) : ""));
        s.append("| round | received | p50 | p90 | p99 | max | set() returns after | CPU server / client | GC server / client |\n"
                + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int i = 0; i < f.rounds().size(); i++) {
            RoundResult rr = f.rounds().get(i);
            ServerRound sr = f.server().get(i);
            s.append(String.format(Locale.ROOT, "| %d | %d/%d | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %s | %s |%n", i + 1,
                    rr.received(), rr.expected(), rr.p50() / 1e6, rr.p90() / 1e6, rr.p99() / 1e6, rr.max() / 1e6, sr.setNanos() / 1e6,
                    f.childClients() ? String.format(Locale.ROOT, "%.0f / %.0f ms", sr.cpuNanos() / 1e6, rr.clientCpuNanos() / 1e6)
                            : String.format(Locale.ROOT, "%.0f ms (one JVM)", sr.cpuNanos() / 1e6),
                    f.childClients() ? sr.gcMillis() + " / " + rr.clientGcMillis() + " ms" : sr.gcMillis() + " ms (one JVM)"));
        }
        s.append(String.format(Locale.ROOT, "%nMedian over rounds of p99: %.1f ms (%s)%n", f.medianP99() / 1e6,
                f.medianP99() <= 500e6 && f.complete() ? "target met" : "target missed"));
    }
}
