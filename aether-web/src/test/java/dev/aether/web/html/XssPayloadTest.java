package dev.aether.web.html;

import static dev.aether.web.component.Components.*;
import static dev.aether.web.html.Html.*;
import static dev.aether.web.testing.Inert.assertInert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aether.web.Page;
import dev.aether.web.component.Component;
import dev.aether.web.component.Context;
import dev.aether.web.ssr.Head;
import dev.aether.web.ssr.Ssr;
import dev.aether.web.ssr.Template;
import dev.aether.web.testing.HtmlTokenizer.StartTag;
import dev.aether.web.testing.HtmlTokenizer.TextToken;
import dev.aether.web.testing.HtmlTokenizer.Token;
import dev.aether.web.testing.XssPayloadList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Known XSS payloads (OWASP filter-evasion style) through every entry point: the output stays inert. */
class XssPayloadTest {
    static Stream<String> payloads() {
        return XssPayloadList.known().stream();
    }

    private static String expected(String payload) {
        return payload.replace('\0', '\uFFFD');
    }

    private static List<String> texts(List<Token> tokens) {
        return tokens.stream().filter(t -> t instanceof TextToken).map(t -> ((TextToken) t).text()).toList();
    }

    private static StartTag first(List<Token> tokens, String tag) {
        return tokens.stream().filter(t -> t instanceof StartTag s && s.name().equals(tag)).map(t -> (StartTag) t).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void staticTextIsInertAndReadsBackAsThePayload(String payload) {
        List<Token> tokens = assertInert(Ssr.render(div(text(payload))));
        assertThat(tokens).hasSize(3);
        assertThat(texts(tokens)).containsExactly(expected(payload));
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void dynamicTextIsInertAndReadsBackAsThePayload(String payload) {
        List<Token> tokens = assertInert(Ssr.render(div(text(() -> payload))));
        assertThat(tokens).hasSize(5); // div, marker, text, marker, /div
        assertThat(texts(tokens)).containsExactly(expected(payload));
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void textareaContentIsInert(String payload) {
        List<Token> tokens = assertInert(Ssr.render(textarea(text(() -> payload))));
        assertThat(texts(tokens)).containsExactly(expected(payload));
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void optionContentIsInert(String payload) {
        List<Token> tokens = assertInert(Ssr.render(select(option(value(payload), text(payload)))));
        assertThat(texts(tokens)).containsExactly(expected(payload));
        assertThat(first(tokens, "option").attributes()).containsEntry("value", expected(payload));
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void staticAndDynamicAttributeValuesAreInertAndReadBack(String payload) {
        List<Token> tokens = assertInert(Ssr.render(div(attr("title", payload), attr("aria-label", () -> payload))));
        assertThat(first(tokens, "div").attributes())
                .containsEntry("title", expected(payload))
                .containsEntry("aria-label", expected(payload))
                .containsOnlyKeys("data-ae", "title", "aria-label");
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void urlAttributesAreInert(String payload) {
        String html = Ssr.render(form(attr("action", payload),
                a(href(payload), text("x")), img(src(payload)), button(attr("formaction", () -> payload)),
                img(attr("srcset", payload + " 2x"))));
        List<Token> tokens = assertInert(html);
        assertThat(tokens.stream().filter(t -> t instanceof StartTag).map(t -> ((StartTag) t).name()))
                .containsExactly("form", "a", "img", "button", "img");
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void styleValuesAreInert(String payload) {
        List<Token> tokens = assertInert(Ssr.render(div(style("color", payload), style("width", () -> payload))));
        assertThat(first(tokens, "div").attributes().keySet()).isSubsetOf("data-ae", "style");
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void classNamesAreInert(String payload) {
        List<Token> tokens = assertInert(Ssr.render(div(cls(payload), classIf(payload, () -> true))));
        assertThat(first(tokens, "div").attributes()).containsOnlyKeys("data-ae", "class");
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void tagAttributeStyleAndEventNamesAreRejected(String payload) {
        assertThatThrownBy(() -> el(payload)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> attr(payload, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> style(payload, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> on(payload, () -> { })).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void eachRowsAndKeysAreInert(String payload) {
        List<Token> tokens = assertInert(Ssr.render(ul(each(() -> List.of(payload, payload + "2"), k -> k, s -> li(text(s))))));
        assertThat(texts(tokens)).containsExactly(expected(payload), expected(payload + "2"));
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void showWhenAndSwitchContentIsInert(String payload) {
        List<Token> tokens = assertInert(Ssr.render(div(
                show(() -> true, () -> text(payload)),
                when(() -> payload, v -> text(v), () -> text("none")),
                switchOf(() -> text("none"), match(() -> true, () -> span(attr("title", payload)))))));
        assertThat(texts(tokens)).containsExactly(expected(payload), expected(payload));
    }

    record Props(String label, String link) {
    }

    private static final Template<String> TEMPLATE = Template.of(t -> div(t.attr("title", v -> v), t.classIf("on", v -> true),
            a(t.href(v -> v), t.text(v -> v)), textarea(t.text(v -> v)), t.node(v -> span(text(v)))));

    @ParameterizedTest
    @MethodSource("payloads")
    void templateHolesAreInertAndReadBack(String payload) {
        List<Token> tokens = assertInert(Ssr.render(TEMPLATE.with(payload)));
        assertThat(first(tokens, "div").attributes()).containsEntry("title", expected(payload));
        assertThat(texts(tokens)).containsExactly(expected(payload), expected(payload), expected(payload));
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void componentPropsAndContextValuesAreInert(String payload) {
        Context<String> ctx = Context.create("");
        Component<Props> card = p -> a(href(p.link()), attr("title", p.label()), text(p.label()), text(ctx::use));
        String html = Ssr.render(ctx.provide(payload, () -> component(card, new Props(payload, payload))));
        List<Token> tokens = assertInert(html);
        assertThat(texts(tokens)).containsExactly(expected(payload), expected(payload));
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void documentTitleAndMetaAreInert(String payload) {
        String html = Ssr.renderPage(Page.of(payload, () -> component(() -> {
            Head.meta(payload, payload);
            return p(text(payload));
        })).withMeta("description", payload));
        List<Token> tokens = dev.aether.web.testing.HtmlTokenizer.tokenize(html);
        // the head's own <meta> tags are ours; everything else is checked like the body
        assertThat(tokens.stream().filter(t -> t instanceof StartTag s && s.name().equals("meta")).count()).isEqualTo(3);
        assertInert(html.substring(html.indexOf("<body>")));
        assertThat(texts(tokens)).contains(expected(payload));
        assertThat(html.substring(0, html.indexOf("<body>"))).doesNotContain("<script");
    }
}
