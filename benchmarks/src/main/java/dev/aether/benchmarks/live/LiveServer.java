package dev.aether.benchmarks.live;

import dev.aether.reactive.Reactive;
import dev.aether.reactive.SharedSignal;
import dev.aether.titan.Titan;
import dev.aether.web.AetherWeb;
import java.net.URI;
import java.time.Duration;

/**
 * A real Titan on 127.0.0.1 (a free port) serving {@link LiveBenchPage} through AetherWeb, with
 * its own shared signal. The grace period is long so sessions that are never attached, or whose
 * socket closed, stay for the whole measurement.
 */
final class LiveServer implements AutoCloseable {
    final SharedSignal<Integer> everyone = Reactive.sharedSignal(0);
    final AetherWeb web;
    final Titan titan;

    LiveServer(Duration grace) {
        LiveBenchPage page = new LiveBenchPage(everyone);
        web = AetherWeb.builder().page(LiveBenchPage.PATH, page::page).gracePeriod(grace).build();
        titan = Titan.builder().host("127.0.0.1").port(0).mount(web).build().start();
    }

    /** {@code http://127.0.0.1:PORT} */
    URI base() {
        return URI.create("http://127.0.0.1:" + titan.port());
    }

    int liveSessions() {
        return web.liveSessions();
    }

    @Override
    public void close() {
        titan.stop();
    }
}
