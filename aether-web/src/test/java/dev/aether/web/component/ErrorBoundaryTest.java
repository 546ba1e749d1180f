package dev.aether.web.component;

import static dev.aether.web.component.Components.*;
import static dev.aether.web.html.Html.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.web.html.Node;
import dev.aether.web.ssr.Ssr;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorBoundaryTest {
    static Node failing(String message) {
        return component(() -> {
            throw new IllegalStateException(message);
        });
    }

    @Test
    void fallbackReplacesThePartialOutputOfFailingChildren() {
        String html = Ssr.render(div(errorBoundary(
                () -> fragment(p(text("partial")), failing("db down")),
                (error, retry) -> p(cls("error"), text(error.getMessage())))));
        assertThat(html).isEqualTo("<div><!--ae:b1--><p class=\"error\">db down</p><!--/ae:b1--></div>");
    }

    @Test
    void childrenThatSucceedRenderBetweenBoundaryMarkers() {
        assertThat(Ssr.render(errorBoundary(() -> text("ok"), (e, retry) -> text("fallback"))))
                .isEqualTo("<!--ae:b1-->ok<!--/ae:b1-->");
    }

    @Test
    void boundaryTakesErrorsBeforeAnOnErrorHandlerAboveIt() {
        List<String> handled = new ArrayList<>();
        String html = Ssr.render(component(() -> {
            Lifecycle.onError(e -> handled.add("outer"));
            return errorBoundary(() -> failing("x"), (e, retry) -> text("caught"));
        }));
        assertThat(html).isEqualTo("<!--ae:b1-->caught<!--/ae:b1-->");
        assertThat(handled).isEmpty();
    }

    @Test
    void retryRendersTheChildrenAgain() {
        int[] attempts = {0};
        Node flaky = component(() -> {
            if (attempts[0]++ == 0) {
                throw new IllegalStateException("first time");
            }
            return text("recovered");
        });
        String html = Ssr.render(errorBoundary(() -> flaky, (e, retry) -> {
            retry.run();
            return text("fallback");
        }));
        assertThat(html).isEqualTo("<!--ae:b1-->recovered<!--/ae:b1-->");
        assertThat(attempts[0]).isEqualTo(2);
    }

    @Test
    void retriesAreBoundedPerRender() {
        int[] attempts = {0};
        String html = Ssr.render(errorBoundary(() -> component(() -> {
            attempts[0]++;
            throw new IllegalStateException("always");
        }), (e, retry) -> {
            retry.run();
            return text("gave up");
        }));
        assertThat(html).isEqualTo("<!--ae:b1-->gave up<!--/ae:b1-->");
        assertThat(attempts[0]).isEqualTo(4);
    }
}
