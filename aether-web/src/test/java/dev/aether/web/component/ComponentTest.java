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

class ComponentTest {
    record Greeting(Signal<String> name) {
    }

    record Card(String title, Node children) {
    }

    record Layout(Node header, Node body) {
    }

    static final Component<Greeting> GREETING = p -> p(text("Hello, "), text(() -> p.name().get()));

    @Test
    void componentRendersItsPropsWithDynamicParts() {
        assertThat(Ssr.render(component(GREETING, new Greeting(Reactive.signal("Ada")))))
                .isEqualTo("<p>Hello, <!--ae:t1-->Ada<!--/ae:t1--></p>");
    }

    @Test
    void componentBodyRunsOncePerRender() {
        int[] runs = {0};
        Component<Void> c = v -> {
            runs[0]++;
            return span(text(() -> "x"));
        };
        Ssr.render(div(component(c, null)));
        assertThat(runs[0]).isEqualTo(1);
    }

    @Test
    void childrenArePassedAsANodeProp() {
        Component<Card> card = p -> section(h2(text(p.title())), p.children());
        assertThat(Ssr.render(component(card, new Card("T", p(text("inside"))))))
                .isEqualTo("<section><h2>T</h2><p>inside</p></section>");
    }

    @Test
    void namedSlotsAreNodeProps() {
        Component<Layout> layout = p -> div(header(p.header()), main(p.body()));
        assertThat(Ssr.render(component(layout, new Layout(text("H"), text("B")))))
                .isEqualTo("<div><header>H</header><main>B</main></div>");
    }

    @Test
    void contextUseFindsTheNearestProvider() {
        Context<String> theme = Context.create("light");
        Node reader = component(() -> span(text(theme.use())));
        assertThat(Ssr.render(div(reader, theme.provide("dark", () -> div(reader, theme.provide("blue", () -> reader))))))
                .isEqualTo("<div><span>light</span><div><span>dark</span><span>blue</span></div></div>");
    }

    @Test
    void contextProvidedInsideAComponentReachesItsDescendantsOnly() {
        Context<String> user = Context.create("anonymous");
        Node reader = component(() -> span(text(user.use())));
        Node provider = component(() -> {
            user.provide("ada");
            return reader;
        });
        assertThat(Ssr.render(div(provider, reader))).isEqualTo("<div><span>ada</span><span>anonymous</span></div>");
    }

    @Test
    void contextOutsideARenderGivesTheDefault() {
        assertThat(Context.create(7).use()).isEqualTo(7);
    }

    @Test
    void onMountDoesNotRunDuringSsr() {
        List<String> log = new ArrayList<>();
        Ssr.render(component(() -> {
            Lifecycle.onMount(() -> {
                log.add("mounted");
                return () -> log.add("unmounted");
            });
            return text("x");
        }));
        assertThat(log).isEmpty();
    }

    @Test
    void onCleanupRunsWhenTheRenderIsDisposedChildrenFirst() {
        List<String> log = new ArrayList<>();
        Node child = component(() -> {
            Lifecycle.onCleanup(() -> log.add("child"));
            return text("c");
        });
        String html = Ssr.render(component(() -> {
            Lifecycle.onCleanup(() -> log.add("parent"));
            log.add("rendered");
            return div(child);
        }));
        assertThat(html).isEqualTo("<div>c</div>");
        assertThat(log).containsExactly("rendered", "child", "parent");
    }

    @Test
    void lifecycleHooksOutsideAComponentFail() {
        assertThatThrownBy(() -> Lifecycle.onMount(() -> null)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void onErrorHandlesARenderErrorOfADescendantWhichThenRendersNothing() {
        List<String> errors = new ArrayList<>();
        Node broken = component(() -> div(text("partial"), text(() -> {
            throw new IllegalStateException("boom");
        })));
        String html = Ssr.render(component(() -> {
            Lifecycle.onError(e -> errors.add(e.getMessage()));
            return div(text("before"), broken, text("after"));
        }));
        assertThat(html).isEqualTo("<div>beforeafter</div>");
        assertThat(errors).containsExactly("boom");
    }

    @Test
    void unhandledRenderErrorFailsTheRender() {
        assertThatThrownBy(() -> Ssr.render(component(() -> {
            throw new IllegalArgumentException("bad props");
        }))).isInstanceOf(IllegalArgumentException.class).hasMessage("bad props");
    }

    @Test
    void failedComponentIsCleanedUpAtOnce() {
        List<String> log = new ArrayList<>();
        Node broken = component(() -> {
            Lifecycle.onCleanup(() -> log.add("cleaned"));
            throw new IllegalStateException("x");
        });
        Ssr.render(component(() -> {
            Lifecycle.onError(e -> log.add("handled"));
            return broken;
        }));
        assertThat(log).containsExactly("cleaned", "handled");
    }
}
