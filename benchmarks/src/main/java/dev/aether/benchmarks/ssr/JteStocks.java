package dev.aether.benchmarks.ssr;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.List;

/**
 * The stocks page in JTE 3.2.5 ({@code src/main/resources/ssr/jte/stocks.jte}), HTML content type
 * (output escaping on). The template is precompiled to Java at build time by jte-maven-plugin's
 * {@code generate} goal and loaded with {@link TemplateEngine#createPrecompiled(ContentType)}: jte's
 * production set-up, the same code its runtime compiler would produce.
 */
public final class JteStocks {
    static final String TEMPLATE = "stocks.jte";
    private final TemplateEngine engine;

    public JteStocks() {
        engine = TemplateEngine.createPrecompiled(ContentType.Html);
        engine.prepareForRendering(TEMPLATE);
    }

    public String render(List<Stock> items) {
        StringOutput out = new StringOutput();
        engine.render(TEMPLATE, items, out);
        return out.toString();
    }
}
