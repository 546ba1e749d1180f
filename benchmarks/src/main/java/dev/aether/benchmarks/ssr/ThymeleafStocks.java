package dev.aether.benchmarks.ssr;

import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The stocks page in Thymeleaf 3.1.3 ({@code src/main/resources/ssr/thymeleaf/stocks.html}):
 * standalone {@link TemplateEngine} (OGNL expressions, no Spring), class-path resolver, HTML mode,
 * template cache on (the parsed template is reused, as in production).
 */
public final class ThymeleafStocks {
    static final String TEMPLATE = "stocks";
    private final TemplateEngine engine;

    public ThymeleafStocks() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(ThymeleafStocks.class.getClassLoader());
        resolver.setPrefix("ssr/thymeleaf/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
    }

    public String render(List<Stock> items) {
        // A fresh context per render, as per request; it only wraps the variables map.
        Context context = new Context(Locale.ROOT, Map.of("items", items));
        StringWriter out = new StringWriter();
        engine.process(TEMPLATE, context, out);
        return out.toString();
    }
}
