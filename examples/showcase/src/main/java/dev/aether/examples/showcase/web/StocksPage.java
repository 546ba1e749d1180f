package dev.aether.examples.showcase.web;

import static dev.aether.web.component.Components.each;
import static dev.aether.web.component.Components.show;
import static dev.aether.web.html.Html.*;

import dev.aether.reactive.Reactive;
import dev.aether.reactive.Signal;
import dev.aether.examples.showcase.web.WebPages.StocksParams;
import dev.aether.web.router.Level;
import dev.aether.web.ssr.Template;
import java.util.List;
import java.util.Locale;

/**
 * A table whose rows are a compiled {@link Template}: the row's HTML is joined once, and each
 * render only fills in the quote. Typing in the search box filters the rows live (a keyed
 * {@code each} of template instances); without JavaScript the box is a GET form, {@code ?q=}.
 *
 * <pre>{@code
 * RouteTree.builder().page(StocksPage.level())
 * }</pre>
 */
public final class StocksPage {
    /** One quote; the row shows a rise in green and a fall in red. */
    public record Quote(String symbol, String name, double price, double change) {
        /** The price with two decimals: {@code 951.30}. */
        public String priceText() {
            return String.format(Locale.ROOT, "%.2f", price);
        }

        /** The change with two decimals and its sign: {@code +4.10}, {@code −0.84} (a minus sign), {@code 0.00}. */
        public String changeText() {
            String digits = String.format(Locale.ROOT, "%.2f", Math.abs(change));
            return change > 0 && !digits.equals("0.00") ? "+" + digits
                    : change < 0 && !digits.equals("0.00") ? "\u2212" + digits : digits;
        }
    }

    static final List<Quote> QUOTES = List.of(
            new Quote("AAPL", "Apple Inc.", 193.42, 1.25),
            new Quote("AMZN", "Amazon.com, Inc.", 178.15, -0.84),
            new Quote("ASML", "ASML Holding N.V.", 951.3, 4.1),
            new Quote("GOOG", "Alphabet Inc.", 171.05, -2.3),
            new Quote("IBM", "International Business Machines", 183.6, 0.45),
            new Quote("INTC", "Intel Corporation", 31.22, -0.61),
            new Quote("MSFT", "Microsoft Corporation", 425.52, 3.07),
            new Quote("NVDA", "NVIDIA Corporation", 121.79, -1.92),
            new Quote("ORCL", "Oracle Corporation", 139.8, 0.9),
            new Quote("SAP", "SAP SE", 199.1, -0.35));

    private static final Template<Quote> ROW = Template.of(t -> tr(
            t.attr("data-symbol", Quote::symbol),
            t.classIf("up", q -> q.changeText().startsWith("+")),
            t.classIf("down", q -> q.changeText().startsWith("\u2212")),
            td(a(t.href(q -> "https://www.google.com/finance/quote/" + q.symbol()), t.text(Quote::symbol))),
            td(cls("name"), t.text(Quote::name)),
            td(cls("number price"), t.text(Quote::priceText)),
            td(cls("number change"), span(t.text(Quote::changeText)))));

    private StocksPage() {
    }

    static Level<StocksParams> level() {
        return Level.page(WebPages.STOCKS, WebPages.title("/stocks"), ctx -> {
            Signal<String> query = Reactive.signal(ctx.params().q().orElse(""));
            return section(
                    h1(text("Stocks")),
                    p(cls("lead"), text("Each row is a compiled template filled in with a quote; typing filters the rows live.")),
                    div(cls("card"), form(cls("bar"), attr("method", "get"), attr("action", "/stocks"),
                            input(id("q"), name("q"), type("search"), attr("placeholder", "Symbol or name"), attr("aria-label", "Filter"),
                                    attr("value", query::get), on("input", e -> query.set(e.value())).debounce(150)),
                            button(type("submit"), text("Filter"))),
                            div(cls("table-wrap"), table(id("quotes"),
                                    thead(tr(th(text("Symbol")), th(cls("name"), text("Name")), th(cls("number"), text("Price")),
                                            th(cls("number"), text("Change")))),
                                    tbody(each(() -> matching(query.get()), Quote::symbol, ROW::with)))),
                            show(() -> matching(query.get()).isEmpty(), () -> p(id("none"), cls("empty"), text("No quote matches.")))));
        });
    }

    /** The quotes whose symbol or name contains {@code query}, ignoring case. */
    static List<Quote> matching(String query) {
        String q = query.strip().toLowerCase(Locale.ROOT);
        return QUOTES.stream()
                .filter(quote -> quote.symbol().toLowerCase(Locale.ROOT).contains(q) || quote.name().toLowerCase(Locale.ROOT).contains(q))
                .toList();
    }
}
