package dev.aether.web.html;

import static dev.aether.web.html.Html.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aether.reactive.Reactive;
import dev.aether.reactive.Signal;
import dev.aether.web.safety.Names;
import dev.aether.web.ssr.Ssr;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlDslTest {
    @Test
    void staticElementsRenderWithoutMarkers() {
        assertThat(Ssr.render(div(cls("card"), h1(text("Title")), p(text("Body")))))
                .isEqualTo("<div class=\"card\"><h1>Title</h1><p>Body</p></div>");
    }

    @Test
    void dynamicTextIsEvaluatedOnceBetweenCommentMarkers() {
        Signal<String> name = Reactive.signal("Ada");
        assertThat(Ssr.render(p(text("Hi "), text(name::get))))
                .isEqualTo("<p>Hi <!--ae:t1-->Ada<!--/ae:t1--></p>");
    }

    @Test
    void nullDynamicTextRendersEmptyBetweenMarkers() {
        assertThat(Ssr.render(span(text(() -> null)))).isEqualTo("<span><!--ae:t1--><!--/ae:t1--></span>");
    }

    @Test
    void elementWithDynamicAttributeGetsAnId() {
        Signal<Boolean> busy = Reactive.signal(true);
        assertThat(Ssr.render(button(attr("disabled", busy::get), text("Save"))))
                .isEqualTo("<button data-ae=\"1\" disabled>Save</button>");
    }

    @Test
    void booleanAttributeIsPresentWhenTrueAndOmittedWhenFalse() {
        assertThat(Ssr.render(input(attr("checked", true), attr("required", false))))
                .isEqualTo("<input checked>");
    }

    @Test
    void nullAttributeValueOmitsTheAttribute() {
        assertThat(Ssr.render(a(attr("title", (String) null), text("x")))).isEqualTo("<a>x</a>");
    }

    @Test
    void classesCombineStaticAndConditionalNames() {
        assertThat(Ssr.render(div(cls("a b"), classIf("on", () -> true), classIf("off", () -> false))))
                .isEqualTo("<div data-ae=\"1\" class=\"a b on\"></div>");
    }

    @Test
    void stylesCombineIntoOneAttribute() {
        assertThat(Ssr.render(div(style("color", "red"), style("width", () -> "10px"))))
                .isEqualTo("<div data-ae=\"1\" style=\"color:red;width:10px\"></div>");
    }

    @Test
    void eventIsRecordedOnTheNodeAndMarkedInHtml() {
        List<String> clicks = new ArrayList<>();
        Element b = button(on("click", () -> clicks.add("clicked")), text("Go"));
        assertThat(Ssr.render(b)).isEqualTo("<button data-ae=\"1\" data-ae-on=\"click\">Go</button>");
        ((Attribute.On) b.attributes().get(0)).handler().handle(new DomEvent("click", java.util.Map.of()));
        assertThat(clicks).containsExactly("clicked");
    }

    @Test
    void fragmentRendersChildrenSideBySide() {
        assertThat(Ssr.render(fragment(text("a"), span(text("b"))))).isEqualTo("a<span>b</span>");
    }

    @Test
    void rawHtmlIsTheOnlyUnescapedEntry() {
        assertThat(Ssr.render(div(dangerouslyUnescapedHtml("<b>trusted</b>"), text("<b>"))))
                .isEqualTo("<div><b>trusted</b>&lt;b&gt;</div>");
    }

    @Test
    void genericElementAcceptsWhitelistedAndCustomTags() {
        assertThat(Ssr.render(el("ARTICLE", el("my-widget")))).isEqualTo("<article><my-widget></my-widget></article>");
    }

    @Test
    void genericElementRejectsScriptCapableTags() {
        for (String tag : List.of("script", "style", "iframe", "object", "embed", "base", "meta", "link", "svg", "template")) {
            assertThatThrownBy(() -> el(tag)).as(tag).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tag not allowed");
        }
    }

    /** The DSL's element functions skip the tag check, so each must name a whitelisted tag and know whether it is void. */
    @Test
    void everyElementFunctionMakesAWhitelistedTagAsElDoes() throws Exception {
        int functions = 0;
        for (java.lang.reflect.Method m : Html.class.getMethods()) {
            if (m.getReturnType() == Element.class && m.getParameterCount() == 1 && m.getParameterTypes()[0] == Part[].class) {
                Element made = (Element) m.invoke(null, (Object) new Part[0]);
                assertThat(Names.TAGS).as(m.getName()).contains(made.tag());
                Element checked = el(made.tag());
                assertThat(made.isVoid()).as(m.getName()).isEqualTo(checked.isVoid()).isEqualTo(Names.isVoid(made.tag()));
                assertThat(made.isRawText()).as(m.getName()).isEqualTo(Names.isRawText(made.tag()));
                assertThat(made.startTag() + made.endTag()).as(m.getName()).isEqualTo(Ssr.render(checked));
                functions++;
            }
        }
        assertThat(functions).isGreaterThan(40);
    }

    @Test
    void anElementDoesNotChangeWhenTheArrayItWasMadeFromDoes() {
        Part[] parts = {cls("a"), text("x")};
        Element e = div(parts);
        parts[1] = text("changed");
        assertThat(Ssr.render(e)).isEqualTo("<div class=\"a\">x</div>");
    }

    @Test
    void elementsWithTheSamePartsAreEqual() {
        assertThat(div(cls("a"), text("x"))).isEqualTo(new Element("div", List.of(cls("a")), List.of(text("x"))))
                .hasSameHashCodeAs(div(cls("a"), text("x"))).isNotEqualTo(div(cls("a"), text("y")));
    }

    @Test
    void voidElementRejectsChildren() {
        assertThatThrownBy(() -> el("img", text("x"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void textareaTakesTextOnly() {
        assertThatThrownBy(() -> textarea(span())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void textareaDynamicTextMarksTheElementInsteadOfComments() {
        assertThat(Ssr.render(textarea(text(() -> "hi")))).isEqualTo("<textarea data-ae=\"1\">hi</textarea>");
    }

    @Test
    void attributeNamesAreValidated() {
        assertThatThrownBy(() -> attr("x y", "1")).hasMessageContaining("malformed attribute name");
        assertThatThrownBy(() -> attr("onclick", "alert(1)")).hasMessageContaining("use on(\"click\"");
        assertThatThrownBy(() -> attr("style", "x")).hasMessageContaining("style(property, value)");
        assertThatThrownBy(() -> attr("class", "x")).hasMessageContaining("cls(");
        assertThatThrownBy(() -> attr("srcdoc", "x")).hasMessageContaining("srcdoc");
        assertThatThrownBy(() -> attr("data-ae", "1")).hasMessageContaining("reserved");
    }

    @Test
    void styleAndEventNamesAreValidated() {
        assertThatThrownBy(() -> style("color:red;x", "1")).hasMessageContaining("malformed style property");
        assertThatThrownBy(() -> on("click\" x", () -> { })).hasMessageContaining("malformed event name");
    }

    @Test
    void laterAttributeWithTheSameNameWins() {
        assertThat(Ssr.render(input(type("text"), type("email")))).isEqualTo("<input type=\"email\">");
    }
}
