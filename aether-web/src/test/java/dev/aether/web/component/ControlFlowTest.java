package dev.aether.web.component;

import static dev.aether.web.component.Components.*;
import static dev.aether.web.html.Html.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aether.reactive.Reactive;
import dev.aether.reactive.Signal;
import dev.aether.web.html.Node;
import dev.aether.web.ssr.Ssr;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ControlFlowTest {
    record Todo(long id, String title) {
    }

    @Test
    void showRendersThenBranchBetweenRegionMarkers() {
        Signal<Boolean> loggedIn = Reactive.signal(true);
        assertThat(Ssr.render(div(show(loggedIn::get, () -> text("Welcome"), () -> text("Sign in")))))
                .isEqualTo("<div><!--ae:s1-->Welcome<!--/ae:s1--></div>");
    }

    @Test
    void showRendersFallbackWhenFalse() {
        assertThat(Ssr.render(show(() -> false, () -> text("Welcome"), () -> a(href("/login"), text("Sign in")))))
                .isEqualTo("<!--ae:s1--><a href=\"/login\">Sign in</a><!--/ae:s1-->");
    }

    @Test
    void showWithoutFallbackRendersAnEmptyRegion() {
        assertThat(Ssr.render(show(() -> false, () -> text("x")))).isEqualTo("<!--ae:s1--><!--/ae:s1-->");
    }

    @Test
    void whenPassesTheNonNullValue() {
        Signal<String> user = Reactive.signal("ada");
        assertThat(Ssr.render(when(user::get, u -> b(u), () -> text("nobody")))).isEqualTo("<!--ae:s1--><strong>ada</strong><!--/ae:s1-->");
        assertThat(Ssr.render(when(() -> null, u -> text("?"), () -> text("nobody")))).isEqualTo("<!--ae:s1-->nobody<!--/ae:s1-->");
    }

    private static Node b(String s) {
        return strong(text(s));
    }

    @Test
    void eachRendersOneKeyedRowPerItem() {
        Signal<List<Todo>> todos = Reactive.signal(List.of(new Todo(1, "write"), new Todo(2, "ship")));
        assertThat(Ssr.render(ul(each(todos::get, Todo::id, t -> li(text(t.title()))))))
                .isEqualTo("<ul><!--ae:l1--><!--ae:k1 1--><li>write</li><!--ae:k1 2--><li>ship</li><!--/ae:l1--></ul>");
    }

    @Test
    void eachRowIdsFollowTheListId() {
        assertThat(Ssr.render(ul(each(() -> List.of("a"), s -> s, s -> li(text(() -> s))))))
                .isEqualTo("<ul><!--ae:l1--><!--ae:k1 a--><li><!--ae:t2-->a<!--/ae:t2--></li><!--/ae:l1--></ul>");
    }

    @Test
    void eachWithNoItemsRendersAnEmptyRegion() {
        assertThat(Ssr.render(each(List::<String>of, s -> s, s -> text(s)))).isEqualTo("<!--ae:l1--><!--/ae:l1-->");
    }

    @Test
    void eachEncodesKeysInsideMarkers() {
        assertThat(Ssr.render(each(() -> List.of("a b-->"), s -> s, s -> text("x"))))
                .isEqualTo("<!--ae:l1--><!--ae:k1 a%20b%2D%2D%3E-->x<!--/ae:l1-->");
    }

    @Test
    void eachRejectsDuplicateKeys() {
        assertThatThrownBy(() -> Ssr.render(each(() -> List.of("a", "a"), s -> s, s -> text(s))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("duplicate key");
    }

    @Test
    void eachRowIsItsOwnOwnerDisposedWithTheRender() {
        List<String> log = new ArrayList<>();
        Ssr.render(each(() -> List.of("a", "b"), s -> s, s -> component(() -> {
            Lifecycle.onCleanup(() -> log.add(s));
            return text(s);
        })));
        assertThat(log).containsExactly("b", "a");
    }

    @Test
    void switchRendersTheFirstMatchingBranch() {
        Signal<Integer> n = Reactive.signal(5);
        Node sw = switchOf(() -> text("small"),
                match(() -> n.get() > 10, () -> text("big")),
                match(() -> n.get() > 3, () -> text("medium")),
                match(() -> n.get() > 1, () -> text("not reached")));
        assertThat(Ssr.render(sw)).isEqualTo("<!--ae:w1-->medium<!--/ae:w1-->");
    }

    @Test
    void switchRendersFallbackWhenNothingMatches() {
        assertThat(Ssr.render(switchOf(() -> text("none"), match(() -> false, () -> text("x")))))
                .isEqualTo("<!--ae:w1-->none<!--/ae:w1-->");
    }

    @Test
    void dynamicRendersTheChosenComponent() {
        Component<String> bold = s -> strong(text(s));
        Component<String> italic = s -> em(text(s));
        Signal<Component<String>> which = Reactive.signal(italic);
        assertThat(Ssr.render(dynamic(which::get, "hi"))).isEqualTo("<!--ae:d1--><em>hi</em><!--/ae:d1-->");
        which.set(bold);
        assertThat(Ssr.render(dynamic(which::get, "hi"))).isEqualTo("<!--ae:d1--><strong>hi</strong><!--/ae:d1-->");
    }

    @Test
    void dynamicWithNullRendersNothing() {
        assertThat(Ssr.render(dynamic(() -> null, "x"))).isEqualTo("<!--ae:d1--><!--/ae:d1-->");
    }

    @Test
    void portalContentGoesToTheEndWithAPlaceholderMarker() {
        assertThat(Ssr.render(div(text("page"), portal(() -> div(cls("modal"), text("hi"))), p(text("after")))))
                .isEqualTo("<div>page<!--ae:p1--><!--/ae:p1--><p>after</p></div><div data-ae-portal=\"1\"><div class=\"modal\">hi</div></div>");
    }

    @Test
    void portalContentSeesTheContextWhereItWasDeclared() {
        Context<String> ctx = Context.create("default");
        assertThat(Ssr.render(ctx.provide("given", () -> portal(() -> text(ctx.use())))))
                .endsWith("<div data-ae-portal=\"1\">given</div>");
    }

    @Test
    void portalsOfAFailedBoundaryAreDropped() {
        String html = Ssr.render(errorBoundary(() -> fragment(portal(() -> text("modal")), component(() -> {
            throw new IllegalStateException("x");
        })), (e, retry) -> text("fallback")));
        assertThat(html).isEqualTo("<!--ae:b1-->fallback<!--/ae:b1-->");
    }
}
