package dev.aether.web.live;

import dev.aether.web.ActionResult;
import dev.aether.web.AetherWeb;
import dev.aether.web.PageRequest;
import static dev.aether.web.html.Html.p;
import static dev.aether.web.html.Html.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aether.web.Page;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The configuration rules of {@link AetherWeb}, {@link ActionResult} and {@link PageRequest}, and the same-site check. */
class AetherWebBuilderTest {
    private static final Page PAGE = Page.of("t", () -> p(text("x")));

    @ParameterizedTest
    @ValueSource(strings = {"", "relative", "/_aether/live", "/_aether/anything"})
    void aPagePathMustStartWithASlashAndNotBeReserved(String path) {
        assertThatThrownBy(() -> AetherWeb.builder().page(path, r -> PAGE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AetherWeb.builder().action(path, r -> ActionResult.redirect("/"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNullPathOrRendererIsRefused() {
        assertThatThrownBy(() -> AetherWeb.builder().page(null, r -> PAGE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AetherWeb.builder().page("/", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> AetherWeb.builder().action("/", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void anEventRateLimitNeedsAtLeastOneEventPerPositivePeriod() {
        assertThatThrownBy(() -> AetherWeb.builder().eventRateLimit(0, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AetherWeb.builder().eventRateLimit(10, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AetherWeb.builder().eventRateLimit(10, null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new EventRateLimit(300, Duration.ofSeconds(1)).refusal()).isEqualTo("too many events: at most 300 per 1000 ms; this one was not run");
    }

    @Test
    void aTrustedProxyIsAnAddressNotNull() {
        assertThatThrownBy(() -> AetherWeb.builder().trustedProxies((String) null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void theGracePeriodMustBePositive() {
        assertThatThrownBy(() -> AetherWeb.builder().gracePeriod(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AetherWeb.builder().gracePeriod(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AetherWeb.builder().gracePeriod(null)).isInstanceOf(IllegalArgumentException.class);
        AetherWeb.builder().gracePeriod(Duration.ofMillis(1));
    }

    @Test
    void theFrameBufferHoldsAtLeastOneFrame() {
        assertThatThrownBy(() -> AetherWeb.builder().maxBufferedFrames(0)).isInstanceOf(IllegalArgumentException.class);
        AetherWeb.builder().maxBufferedFrames(1);
    }

    @Test
    void theSessionLimitIsAtLeastOne() {
        assertThatThrownBy(() -> AetherWeb.builder().maxSessions(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxSessions");
        AetherWeb.builder().maxSessions(1);
    }

    @Test
    void anAetherWebNotMountedHoldsNoSessions() {
        assertThat(AetherWeb.builder().page("/", r -> PAGE).build().liveSessions()).isZero();
    }

    // ---- ActionResult -------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example/x", "https://evil.example", "javascript:alert(1)", "welcome", ""})
    void aRedirectGoesOnlyToAPathOnThisSite(String location) {
        assertThatThrownBy(() -> ActionResult.redirect(location)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRedirectToAPathIsKept() {
        assertThat(ActionResult.redirect("/welcome?x=1")).isEqualTo(new ActionResult.Redirect("/welcome?x=1"));
    }

    @Test
    void showIs200AndInvalidIs422() {
        assertThat(ActionResult.show(PAGE)).isEqualTo(new ActionResult.Show(PAGE, 200));
        assertThat(ActionResult.invalid(PAGE)).isEqualTo(new ActionResult.Show(PAGE, 422));
    }

    // ---- PageRequest ---------------------------------------------------------------------------

    @Test
    void aPageRequestGivesTheFirstQueryValueAndFormFieldsOrEmpty() {
        PageRequest r = new PageRequest("POST", "/signup", Map.of("q", List.of("a", "b"), "none", List.of()), Map.of("email", "e"));
        assertThat(r.query("q")).isEqualTo("a");
        assertThat(r.query("none")).isEmpty();
        assertThat(r.query("missing")).isEmpty();
        assertThat(r.form("email")).isEqualTo("e");
        assertThat(r.form("missing")).isEmpty();
        assertThat(r.isPost()).isTrue();
        assertThat(new PageRequest("GET", "/", Map.of(), Map.of()).isPost()).isFalse();
    }
}
