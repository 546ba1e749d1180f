package dev.aether.benchmarks.ssr;

import dev.aether.web.html.Node;
import dev.aether.web.ssr.Ssr;
import dev.aether.web.ssr.Template;
import java.util.List;
import java.util.stream.IntStream;

import static dev.aether.web.component.Components.each;
import static dev.aether.web.html.Html.a;
import static dev.aether.web.html.Html.cls;
import static dev.aether.web.html.Html.dangerouslyUnescapedHtml;
import static dev.aether.web.html.Html.fragment;
import static dev.aether.web.html.Html.h1;
import static dev.aether.web.html.Html.href;
import static dev.aether.web.html.Html.strong;
import static dev.aether.web.html.Html.table;
import static dev.aether.web.html.Html.tbody;
import static dev.aether.web.html.Html.td;
import static dev.aether.web.html.Html.text;
import static dev.aether.web.html.Html.th;
import static dev.aether.web.html.Html.thead;
import static dev.aether.web.html.Html.tr;

/**
 * The stocks page in Aether's HTML DSL, rendered with {@link Ssr#render}. The whole body (heading,
 * table, 20 rows) is built from the items on every render, as a request handler would.
 *
 * <p>The document head is one trusted constant ({@code dangerouslyUnescapedHtml}): the benchmark's
 * head has {@code <meta http-equiv>}, {@code <link>}, {@code <script src>} and {@code <style>}, which
 * the DSL rejects by design and {@code Page}/{@code Ssr.renderPage} cannot express (title and
 * {@code <meta name>} only). It is static text, exactly what the two template engines write for it.
 */
public final class AetherStocks {
    /** Everything up to and including {@code <body>}: the classic benchmark's head, byte for byte as in the templates. */
    static final String HEAD = """
            <!DOCTYPE html>
            <html>
            <head>
            <title>Stock Prices</title>
            <meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
            <meta http-equiv="Content-Style-Type" content="text/css" />
            <meta http-equiv="Content-Script-Type" content="text/javascript" />
            <link rel="shortcut icon" href="/images/favicon.ico" />
            <link rel="stylesheet" type="text/css" href="/css/style.css" media="all" />
            <script type="text/javascript" src="/js/util.js"></script>
            <style type="text/css">
            /*<![CDATA[*/
            body {
            \tcolor: #333333;
            \tline-height: 150%;
            }

            thead {
            \tfont-weight: bold;
            \tbackground-color: #CCCCCC;
            }

            .odd {
            \tbackground-color: #FFCCCC;
            }

            .even {
            \tbackground-color: #CCCCFF;
            }

            .minus {
            \tcolor: #FF0000;
            }

            /*]]>*/
            </style>

            </head>

            <body>

            """;
    static final String END = "\n</body>\n</html>\n";

    private AetherStocks() {
    }

    /** Main variant: the rows are plain nodes built with a stream (no markers in the output). */
    public static String render(List<Stock> items) {
        return Ssr.render(page(items));
    }

    /** Second variant: the rows through {@code each(...)}, keyed by symbol (list and row markers in the output). */
    public static String renderKeyed(List<Stock> items) {
        return Ssr.render(keyedPage(items));
    }

    /** Third variant: the page and its rows as compiled {@link Template}s (static HTML joined once, values in holes). */
    public static String renderTemplate(List<Stock> items) {
        return Ssr.render(PAGE.with(items));
    }

    /** One row's value: its position (for the odd/even class and the number) and its stock. */
    record Row(int index, Stock stock) {
    }

    static final Template<Row> ROW = Template.of(t -> tr(
            t.classIf("odd", r -> r.index() % 2 == 0),
            t.classIf("even", r -> r.index() % 2 != 0),
            td(t.text(r -> r.index() + 1)),
            td(a(t.href(r -> "/stocks/" + r.stock().getSymbol()), t.text(r -> r.stock().getSymbol()))),
            td(a(t.href(r -> r.stock().getUrl()), t.text(r -> r.stock().getName()))),
            td(strong(t.text(r -> r.stock().getPrice()))),
            td(t.classIf("minus", r -> r.stock().getChange() < 0.0), t.text(r -> r.stock().getChange())),
            td(t.classIf("minus", r -> r.stock().getChange() < 0.0), t.text(r -> r.stock().getRatio()))));

    static final Template<List<Stock>> PAGE = Template.of(t -> document(tbody(t.node(items -> fragment(
            IntStream.range(0, items.size()).mapToObj(i -> ROW.with(new Row(i, items.get(i)))).toList())))));

    static Node page(List<Stock> items) {
        return document(tbody(fragment(IntStream.range(0, items.size()).mapToObj(i -> row(i, items.get(i))).toList())));
    }

    static Node keyedPage(List<Stock> items) {
        return document(tbody(each(
                () -> IntStream.range(0, items.size()).boxed().toList(),
                i -> items.get(i).getSymbol(),
                i -> row(i, items.get(i)))));
    }

    private static Node document(Node tbody) {
        return fragment(
                dangerouslyUnescapedHtml(HEAD),
                h1(text("Stock Prices")),
                table(
                        thead(tr(th(text("#")), th(text("symbol")), th(text("name")), th(text("price")), th(text("change")),
                                th(text("ratio")))),
                        tbody),
                dangerouslyUnescapedHtml(END));
    }

    private static Node row(int index, Stock s) {
        boolean minus = s.getChange() < 0.0;
        return tr(cls(index % 2 == 0 ? "odd" : "even"),
                td(text(Integer.toString(index + 1))),
                td(a(href("/stocks/" + s.getSymbol()), text(s.getSymbol()))),
                td(a(href(s.getUrl()), text(s.getName()))),
                td(strong(text(Double.toString(s.getPrice())))),
                cell(minus, Double.toString(s.getChange())),
                cell(minus, Double.toString(s.getRatio())));
    }

    private static Node cell(boolean minus, String value) {
        return minus ? td(cls("minus"), text(value)) : td(text(value));
    }
}
