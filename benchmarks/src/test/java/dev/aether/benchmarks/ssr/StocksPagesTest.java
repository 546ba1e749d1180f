package dev.aether.benchmarks.ssr;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every engine of {@link StocksBenchmark} renders the same stocks page, so the benchmark measures
 * equal work and fails if a template breaks: after dropping Aether's {@code <!--ae:…-->} markers
 * and the whitespace between tags (the templates are indented, the DSL writes none) the four
 * outputs are equal, and equal to the page written out here by hand from the items.
 */
class StocksPagesTest {
    private static final Pattern MARKER = Pattern.compile("<!--/?ae:[^>]*-->");
    private static final Pattern BETWEEN_TAGS = Pattern.compile(">\\s+<");
    private static final List<Stock> ITEMS = Stock.dummyItems();
    private static String aether;
    private static String aetherEach;
    private static String aetherTemplate;
    private static String jte;
    private static String thymeleaf;

    @BeforeAll
    static void renderAll() {
        aether = AetherStocks.render(ITEMS);
        aetherEach = AetherStocks.renderKeyed(ITEMS);
        aetherTemplate = AetherStocks.renderTemplate(ITEMS);
        jte = new JteStocks().render(ITEMS);
        thymeleaf = new ThymeleafStocks().render(ITEMS);
    }

    static String normalize(String html) {
        String withoutMarkers = MARKER.matcher(html).replaceAll("");
        return BETWEEN_TAGS.matcher(withoutMarkers).replaceAll("><").strip();
    }

    /** The page as the classic benchmark's expected-output.html has it, normalized the same way. */
    static String expected(List<Stock> items) {
        StringBuilder sb = new StringBuilder(AetherStocks.HEAD)
                .append("<h1>Stock Prices</h1><table><thead><tr><th>#</th><th>symbol</th><th>name</th><th>price</th>")
                .append("<th>change</th><th>ratio</th></tr></thead><tbody>");
        for (int i = 0; i < items.size(); i++) {
            Stock s = items.get(i);
            String minus = s.getChange() < 0.0 ? " class=\"minus\"" : "";
            sb.append("<tr class=\"").append(i % 2 == 0 ? "odd" : "even").append("\">")
                    .append("<td>").append(i + 1).append("</td>")
                    .append("<td><a href=\"/stocks/").append(s.getSymbol()).append("\">").append(s.getSymbol()).append("</a></td>")
                    .append("<td><a href=\"").append(s.getUrl()).append("\">").append(s.getName()).append("</a></td>")
                    .append("<td><strong>").append(s.getPrice()).append("</strong></td>")
                    .append("<td").append(minus).append('>').append(s.getChange()).append("</td>")
                    .append("<td").append(minus).append('>').append(s.getRatio()).append("</td>")
                    .append("</tr>");
        }
        sb.append("</tbody></table>").append(AetherStocks.END);
        return normalize(sb.toString());
    }

    private static int count(String haystack, String needle) {
        return haystack.split(Pattern.quote(needle), -1).length - 1;
    }

    @Test
    void allEnginesRenderTheSamePage() {
        String reference = expected(ITEMS);
        assertThat(normalize(aether)).isEqualTo(reference);
        assertThat(normalize(aetherEach)).isEqualTo(reference);
        assertThat(aetherTemplate).as("the template variant, byte for byte").isEqualTo(aether);
        assertThat(normalize(jte)).isEqualTo(reference);
        assertThat(normalize(thymeleaf)).isEqualTo(reference);
    }

    @Test
    void tableHasTwentyRowsOfSixCellsWithTheRightClasses() {
        for (String page : List.of(aether, aetherEach, aetherTemplate, jte, thymeleaf)) {
            String html = normalize(page);
            assertThat(count(html, "<tr")).isEqualTo(21);
            assertThat(count(html, "<th>")).isEqualTo(6);
            assertThat(count(html, "<td")).isEqualTo(20 * 6);
            assertThat(count(html, "<tr class=\"odd\">")).isEqualTo(10);
            assertThat(count(html, "<tr class=\"even\">")).isEqualTo(10);
            assertThat(count(html, "<td class=\"minus\">")).isEqualTo(2 * 11);
            assertThat(count(html, "class=\"\"")).isZero();
            assertThat(html).contains("<tr class=\"odd\"><td>1</td><td><a href=\"/stocks/ADBE\">ADBE</a></td>"
                    + "<td><a href=\"http://www.adobe.com\">Adobe Systems</a></td><td><strong>39.26</strong></td>"
                    + "<td>0.13</td><td>0.33</td></tr>");
            assertThat(html).contains("<tr class=\"even\"><td>20</td><td><a href=\"/stocks/YHOO\">YHOO</a></td>"
                    + "<td><a href=\"http://www.yahoo.com\">Yahoo</a></td><td><strong>28.04</strong></td>"
                    + "<td class=\"minus\">-0.17</td><td class=\"minus\">-0.6</td></tr>");
        }
    }

    @Test
    void plainAetherPageHasNoMarkersAndTheKeyedOneHasOneRowMarkerPerItem() {
        assertThat(aether).doesNotContain("<!--").doesNotContain("data-ae");
        Matcher rows = Pattern.compile("<!--ae:k1 ([A-Z]+)-->").matcher(aetherEach);
        List<String> keys = rows.results().map(r -> r.group(1)).toList();
        assertThat(keys).containsExactlyElementsOf(ITEMS.stream().map(Stock::getSymbol).toList());
        assertThat(aetherEach).contains("<tbody><!--ae:l1-->").contains("<!--/ae:l1--></tbody>");
    }

    @Test
    void renderingTwiceGivesTheSameBytes() {
        assertThat(AetherStocks.render(ITEMS)).isEqualTo(aether);
        assertThat(AetherStocks.renderKeyed(ITEMS)).isEqualTo(aetherEach);
        assertThat(new JteStocks().render(ITEMS)).isEqualTo(jte);
        assertThat(new ThymeleafStocks().render(ITEMS)).isEqualTo(thymeleaf);
    }
}
