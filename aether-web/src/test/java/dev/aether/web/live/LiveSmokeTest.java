package dev.aether.web.live;

import static dev.aether.web.live.Frames.*;
import static dev.aether.web.html.Html.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.reactive.Reactive;
import dev.aether.reactive.Signal;
import org.junit.jupiter.api.Test;

class LiveSmokeTest {
    @Test
    void aClickSendsOneTextPatch() {
        Signal<Integer>[] n = new Signal[1];
        try (LiveHarness live = LiveHarness.render(() -> {
            n[0] = Reactive.signal(0);
            return button(on("click", () -> n[0].update(x -> x + 1)), text(() -> n[0].get()));
        })) {
            assertThat(live.body()).startsWith("<button data-ae=\"1\" data-ae-on=\"click\"><!--ae:t2-->0<!--/ae:t2--></button>");
            live.event("1", "click");
            assertThat(live.patches()).containsExactly(new Patch.Text("2", "1"));
        }
    }
}
