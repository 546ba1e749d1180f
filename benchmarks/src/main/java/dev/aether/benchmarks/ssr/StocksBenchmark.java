package dev.aether.benchmarks.ssr;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Server-side rendering of the classic template-benchmark "stocks" page (20 rows) to a String, on
 * Aether (HTML DSL + {@code Ssr.render}), JTE and Thymeleaf, in one JMH run. One op is one complete
 * page from the same {@link Stock} list. {@link StocksPagesTest} checks that all four produce the
 * same page.
 *
 * <ul>
 *   <li>{@code aether}: the main Aether variant, rows as plain nodes built with a stream;</li>
 *   <li>{@code aetherEach}: the rows through {@code Components.each} (keyed, with the live runtime's
 *       comment markers: one owner and scope per row);</li>
 *   <li>{@code aetherTemplate}: the page and its rows as compiled {@code Template}s: the static HTML
 *       is escaped and joined once, each render fills the holes (no tree for the static parts);</li>
 *   <li>{@code jte}: JTE 3.2.5, precompiled template, {@code ContentType.Html};</li>
 *   <li>{@code thymeleaf}: Thymeleaf 3.1.3, HTML mode, template cache on.</li>
 * </ul>
 *
 * <p>Thread scope: Aether renders on the benchmark thread's reactive context. Each benchmark
 * method runs in its own fork (JMH forks per benchmark), so the engines do not share JIT profiles.
 * 5 benchmarks × 2 forks × (3 × 2 s + 5 × 2 s) ≈ 3 minutes with JVM start-up.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class StocksBenchmark {
    private List<Stock> items;
    private JteStocks jte;
    private ThymeleafStocks thymeleaf;

    @Setup
    public void setup() {
        items = Stock.dummyItems();
        jte = new JteStocks();
        thymeleaf = new ThymeleafStocks();
    }

    @Benchmark
    public String aether() {
        return AetherStocks.render(items);
    }

    @Benchmark
    public String aetherEach() {
        return AetherStocks.renderKeyed(items);
    }

    @Benchmark
    public String aetherTemplate() {
        return AetherStocks.renderTemplate(items);
    }

    @Benchmark
    public String jte() {
        return jte.render(items);
    }

    @Benchmark
    public String thymeleaf() {
        return thymeleaf.render(items);
    }
}
