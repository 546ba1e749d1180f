package dev.aether.web.ssr;

import static dev.aether.web.component.Components.portal;
import static dev.aether.web.html.Html.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.web.html.Attribute;
import dev.aether.web.html.Node;
import dev.aether.web.html.Part;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The renderer's fast path for elements with only static attributes and class names must write
 * exactly what the general path writes. An element is sent down the general path by making each
 * of its parts dynamic with the same value (a supplier; {@code classIf(names, () -> true)}); the
 * only difference allowed is then the element's {@code data-ae} id.
 */
class StaticAttributesTest {
    private static final String[] NAMES = {"href", "src", "title", "id", "data-x", "disabled", "action", "cite",
            "aria-label", "xlink:href", "srcset", "value", "_u", "a.b"};
    private static final Object[] VALUES = {null, true, false, "", " ", "plain", "/x", "#top", "?q=1&r=2", "./a",
            "http://example.com/a", "https://example.com/?a=1&b=2", "mailto:ada@example.com", "tel:+1",
            "HTTP://x", "Https://x", "javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)",
            "java\tscript:alert(1)", "\u0001javascript:x", "vbscript:x", "data:image/png;base64,iVBO",
            "data:text/html,<script>alert(1)</script>", "a\" onclick='x'", "<b>&amp;</b>", "nul\0nul",
            "img.png 1x, javascript:alert(1) 2x", "a.png 1x, b.png 2x", "/\tjavascript:x", "//evil.example",
            "ünïcødé", "\u2028"};
    private static final String[] CLASSES = {"", " ", "  \t ", "a", "a b", "  a   b  ", "a\tb\nc\rd\u000Be\ff",
            "\u2003a", "a\u2003b", "a\u2003", "\u001Cx\u001F", "\u00A0a", "a\u00A0b", "<x>&\"'", "nul\0", "odd", "even minus"};

    @Test
    void fastPathWritesWhatTheGeneralPathWritesForRandomStaticAttributes() {
        Random random = new Random(20261201);
        for (int round = 0; round < 3000; round++) {
            List<Part> parts = randomStaticParts(random);
            String fast = Ssr.render(div(parts.toArray(Part[]::new)));
            String general = Ssr.render(div(parts.stream().map(StaticAttributesTest::dynamic).toArray(Part[]::new)));
            assertThat(general.replaceFirst("^<div data-ae=\"1\"", "<div")).as("%s", parts).isEqualTo(fast);
        }
    }

    @Test
    void elementsOfEachKindRenderTheSameThroughBothPaths() {
        for (Part[] parts : List.of(
                new Part[] {},
                new Part[] {cls("")},
                new Part[] {cls("  ")},
                new Part[] {cls("a"), cls(""), cls("b c")},
                new Part[] {href("javascript:alert(1)"), cls("x"), text("t")},
                new Part[] {attr("title", (String) null), attr("disabled", false), attr("hidden", true)},
                new Part[] {cls("first"), attr("id", "i"), cls("second"), attr("title", "<&>")})) {
            for (String tag : List.of("div", "a", "textarea", "input")) {
                List<Part> list = List.of(parts);
                if (tag.equals("input")) {
                    list = list.stream().filter(p -> p instanceof Attribute).toList();
                }
                String fast = Ssr.render(el(tag, list.toArray(Part[]::new)));
                String general = Ssr.render(el(tag, list.stream().map(StaticAttributesTest::dynamic).toArray(Part[]::new)));
                assertThat(general.replaceFirst("^<" + tag + " data-ae=\"1\"", "<" + tag)).as("<%s> %s", tag, list).isEqualTo(fast);
            }
        }
    }

    @Test
    void staticAttributesComeInOrderWithTheClassesLast() {
        assertThat(Ssr.render(div(cls(" a  b "), attr("id", "x"), cls("c\td"), attr("hidden", true), attr("title", (String) null))))
                .isEqualTo("<div id=\"x\" hidden class=\"a b c d\"></div>");
        assertThat(Ssr.render(div(cls(""), cls(" ")))).isEqualTo("<div></div>");
        assertThat(Ssr.render(span(cls("a\"b<c>")))).isEqualTo("<span class=\"a&quot;b&lt;c&gt;\"></span>");
        assertThat(Ssr.render(a(href("JAVASCRIPT:alert(1)"), cls("x"))))
                .isEqualTo("<a href=\"about:invalid#aether-blocked\" class=\"x\"></a>");
    }

    @Test
    void aRepeatedNameOrAStyleTakesTheGeneralPath() {
        // the later value replaces the earlier one and moves to the end, as before the fast path
        assertThat(Ssr.render(div(attr("title", "1"), attr("id", "i"), attr("title", "2"))))
                .isEqualTo("<div id=\"i\" title=\"2\"></div>");
        assertThat(Ssr.render(div(attr("title", "1"), attr("title", false)))).isEqualTo("<div></div>");
        assertThat(Ssr.render(div(style("color", "red"), cls("a"), attr("id", "i"))))
                .isEqualTo("<div id=\"i\" class=\"a\" style=\"color:red\"></div>");
    }

    @Test
    void renderWritesWhatStreamingIntoABufferWrites() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            List<Part> parts = randomStaticParts(random);
            Node node = fragment(
                    div(parts.toArray(Part[]::new)),
                    portal(() -> p(text("in a portal"), cls("p"))),
                    ul(li(text("a")), li(attr("title", "t"), text(() -> "dynamic"))));
            StringBuilder streamed = new StringBuilder();
            Ssr.stream(node, streamed);
            assertThat(Ssr.render(node)).isEqualTo(streamed.toString());
        }
    }

    private static List<Part> randomStaticParts(Random random) {
        List<Part> parts = new ArrayList<>();
        List<String> names = new ArrayList<>(List.of(NAMES));
        int count = random.nextInt(6);
        for (int i = 0; i < count; i++) {
            if (random.nextInt(3) == 0) {
                parts.add(cls(CLASSES[random.nextInt(CLASSES.length)]));
            } else if (!names.isEmpty()) { // distinct names: a repeated one takes the general path anyway
                String name = names.remove(random.nextInt(names.size()));
                parts.add(new Attribute.Attr(name, VALUES[random.nextInt(VALUES.length)]));
            }
        }
        return parts;
    }

    /** The same part, dynamic: the general path then renders the element. */
    private static Part dynamic(Part part) {
        return switch (part) {
            case Attribute.Attr a -> {
                Object value = a.value();
                yield attr(a.name(), (Supplier<?>) () -> value);
            }
            case Attribute.ClassName c -> classIf(c.names(), () -> true);
            default -> part;
        };
    }
}
