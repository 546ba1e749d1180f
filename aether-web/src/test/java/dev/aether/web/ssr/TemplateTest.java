package dev.aether.web.ssr;

import static dev.aether.web.component.Components.each;
import static dev.aether.web.component.Components.show;
import static dev.aether.web.html.Html.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aether.web.html.Attribute;
import dev.aether.web.html.Node;
import dev.aether.web.html.Part;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** A template renders exactly as its view with the holes filled in, whatever the value. */
class TemplateTest {
    record Person(String name, String site, boolean admin, int age) {
    }

    private static final Person ADA = new Person("Ada <Lovelace>", "https://ada.example/?a=1&b=2", true, 36);
    private static final Person EVE = new Person("\"Eve\" & 'co'", "javascript:alert(1)", false, 0);

    private static <P> String rendered(Template<P> template, P value) {
        String html = Ssr.render(template.with(value));
        assertThat(html).as("with(value) renders as expand(value)").isEqualTo(Ssr.render(template.expand(value)));
        return html;
    }

    @Test
    void aViewWithoutHolesCompilesToOneChunk() {
        Template<Person> card = Template.of(t -> div(cls("card"), h2(text("Title")), p(text("a & b"))));
        assertThat(card.size()).isEqualTo(1);
        assertThat(rendered(card, ADA)).isEqualTo("<div class=\"card\"><h2>Title</h2><p>a &amp; b</p></div>");
    }

    @Test
    void textHolesAreEscapedAndNullIsEmpty() {
        Template<Person> name = Template.of(t -> span(t.text(Person::name), t.text(p -> null)));
        assertThat(rendered(name, ADA)).isEqualTo("<span>Ada &lt;Lovelace&gt;</span>");
        assertThat(rendered(name, EVE)).isEqualTo("<span>&quot;Eve&quot; &amp; &#39;co&#39;</span>");
    }

    @Test
    void textHolesPrintNumbersAsToStringDoes() {
        Template<Person> age = Template.of(t -> td(t.text(Person::age), text(" / "), t.text(p -> p.age() / 8.0)));
        assertThat(rendered(age, ADA)).isEqualTo("<td>36 / 4.5</td>");
    }

    /** Numbers skip the String on the way into the buffer; what comes out must not change. */
    @Test
    void numberHolesPrintExactlyAsToStringDoes() {
        Template<Object> number = Template.of(t -> span(t.text(v -> v)));
        List<Object> values = List.of(0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 0L, Long.MIN_VALUE, Long.MAX_VALUE,
                0.0, -0.0, 1.0, 0.1, 1e-7, 1e21, 123456789.125, Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1.5f, (short) 7, new java.math.BigDecimal("1E+3"));
        for (Object v : values) {
            assertThat(rendered(number, v)).as(v.getClass().getSimpleName() + " " + v).isEqualTo("<span>" + v + "</span>");
        }
    }

    @Test
    void attributeHolesAreEscapedAndUrlsFollowTheUrlPolicy() {
        Template<Person> link = Template.of(t -> a(t.href(Person::site), t.attr("title", Person::name), text("site")));
        assertThat(rendered(link, ADA)).isEqualTo("<a href=\"https://ada.example/?a=1&amp;b=2\" title=\"Ada &lt;Lovelace&gt;\">site</a>");
        assertThat(rendered(link, EVE)).doesNotContain("javascript").startsWith("<a href=\"");
    }

    @Test
    void anAttributeHoleOfNullOrFalseIsOmittedAndTrueIsBare() {
        Template<Person> box = Template.of(t -> input(type("checkbox"), t.attr("checked", Person::admin), t.attr("data-x", p -> null)));
        assertThat(rendered(box, ADA)).isEqualTo("<input type=\"checkbox\" checked>");
        assertThat(rendered(box, EVE)).isEqualTo("<input type=\"checkbox\">");
    }

    @Test
    void classHolesJoinWithStaticClassesInOrder() {
        Template<Person> row = Template.of(t -> tr(cls("row"), t.classIf("admin", Person::admin), cls("x y"), t.classIf("minor", p -> p.age() < 18)));
        assertThat(rendered(row, ADA)).isEqualTo("<tr class=\"row admin x y\"></tr>");
        assertThat(rendered(row, EVE)).isEqualTo("<tr class=\"row x y minor\"></tr>");
    }

    @Test
    void noClassAttributeIsWrittenWhenEveryClassHoleIsOff() {
        Template<Person> cell = Template.of(t -> td(t.classIf("admin", Person::admin), text("x")));
        assertThat(rendered(cell, EVE)).isEqualTo("<td>x</td>");
    }

    @Test
    void staticStylesComeAfterTheClassAsTheRendererWritesThem() {
        Template<Person> box = Template.of(t -> div(style("color", "red"), t.attr("id", Person::name), t.classIf("a", Person::admin)));
        assertThat(rendered(box, ADA)).isEqualTo("<div id=\"Ada &lt;Lovelace&gt;\" class=\"a\" style=\"color:red\"></div>");
    }

    @Test
    void nodeHolesRenderAnyNodeIncludingControlFlow() {
        Template<List<String>> list = Template.of(t -> ul(t.node(items -> each(() -> items, s -> s, s -> li(text(s))))));
        assertThat(rendered(list, List.of("a", "<b>"))).contains("<li>a</li>").contains("<li>&lt;b&gt;</li>").contains("<!--ae:l");
    }

    @Test
    void livePartsWithoutHolesStayNodesRenderedEachTime() {
        Template<Person> clock = Template.of(t -> p(t.text(Person::name), span(text(() -> "now"))));
        assertThat(rendered(clock, ADA)).isEqualTo("<p>Ada &lt;Lovelace&gt;<span><!--ae:t1-->now<!--/ae:t1--></span></p>");
    }

    @Test
    void aTextareaTakesATextHole() {
        Template<Person> area = Template.of(t -> textarea(name("bio"), t.text(Person::name)));
        assertThat(rendered(area, ADA)).isEqualTo("<textarea name=\"bio\">Ada &lt;Lovelace&gt;</textarea>");
    }

    @Test
    void aHoleInsideAnElementWithAnEventIsRefusedWhenCompiling() {
        assertThatThrownBy(() -> Template.<Person>of(t -> div(button(on("click", () -> { }), t.text(Person::name)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("<button>").hasMessageContaining("t.node(");
    }

    @Test
    void aHoleInsideControlFlowFailsClearlyWhenRendered() {
        Template<Person> bad = Template.of(t -> div(show(() -> true, () -> t.text(Person::name))));
        assertThatThrownBy(() -> Ssr.render(bad.with(ADA))).isInstanceOf(IllegalStateException.class).hasMessageContaining("t.node(");
    }

    @Test
    void anAttributeGivenTwiceBesideAHoleIsRefused() {
        assertThatThrownBy(() -> Template.<Person>of(t -> a(href("/x"), t.href(Person::site))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'href' is given twice");
    }

    @Test
    void instancesNestAndEachSeesItsOwnValue() {
        Template<String> item = Template.of(t -> li(t.text(s -> s)));
        Template<List<String>> list = Template.of(t -> ul(t.node(items -> fragment(items.stream().map(item::with).toList()))));
        assertThat(rendered(list, List.of("a", "b"))).isEqualTo("<ul><li>a</li><li>b</li></ul>");
    }

    /** 3,000 random views of static parts and holes: compiled and expanded render byte for byte alike. */
    @Test
    void randomViewsRenderAsTheirExpansion() {
        Random random = new Random(42);
        List<Person> people = List.of(ADA, EVE, new Person("", "/a b", true, 17), new Person("x", "#top", false, 99));
        for (int i = 0; i < 3_000; i++) {
            long seed = random.nextLong();
            Template<Person> template = Template.of(t -> new RandomView(new Random(seed), t).element(0));
            for (Person person : people) {
                rendered(template, person);
            }
        }
    }

    /** Builds a random element tree; every choice is drawn from the same seed on each call. */
    private record RandomView(Random random, Template.Holes<Person> t) {
        private static final String[] TAGS = {"div", "span", "td", "a", "p", "li"};

        Node element(int depth) {
            List<Part> parts = new ArrayList<>();
            int attributes = random.nextInt(4);
            List<String> used = new ArrayList<>();
            for (int i = 0; i < attributes; i++) {
                parts.add(attribute(used));
            }
            int children = depth > 2 ? 0 : random.nextInt(4);
            for (int i = 0; i < children; i++) {
                parts.add(child(depth));
            }
            return el(TAGS[random.nextInt(TAGS.length)], parts.toArray(Part[]::new));
        }

        private Attribute attribute(List<String> used) {
            String name = List.of("title", "href", "data-v", "hidden").get(random.nextInt(4));
            if (used.contains(name)) {
                return random.nextBoolean() ? cls("k" + used.size()) : t.classIf("c" + used.size(), Person::admin);
            }
            used.add(name);
            return switch (random.nextInt(6)) {
                case 0 -> attr(name, "v&\"" + used.size());
                case 1 -> t.attr(name, Person::name);
                case 2 -> t.attr(name, Person::site);
                case 3 -> t.attr(name, p -> p.admin() ? Boolean.TRUE : null);
                case 4 -> t.classIf(" m  n ", p -> p.age() > 20);
                default -> style("margin", "1px");
            };
        }

        private Node child(int depth) {
            Function<Person, Node> view = p -> strong(text(p.name()));
            return switch (random.nextInt(6)) {
                case 0 -> text("s<" + depth);
                case 1 -> t.text(Person::name);
                case 2 -> t.text(Person::age);
                case 3 -> t.node(view::apply);
                case 4 -> fragment(element(depth + 1), text("f"));
                default -> element(depth + 1);
            };
        }
    }
}
