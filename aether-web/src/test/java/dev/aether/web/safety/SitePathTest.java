package dev.aether.web.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aether.web.ActionResult;
import org.junit.jupiter.api.Test;

/** Every redirect the web layer sends stays on this site, whoever built its location. */
class SitePathTest {

    @Test
    void aPathOnThisSiteWithItsQueryIsAccepted() {
        assertThat(SitePath.whyNot("/login?next=%2Fadmin")).isNull();
    }

    @Test
    void anythingABrowserCouldReadAsAnotherHostIsRefusedWithItsReason() {
        assertThat(SitePath.whyNot("https://evil.example")).isEqualTo("\"https://evil.example\" does not start with /");
        assertThat(SitePath.whyNot("//evil.example")).endsWith("starts with //, which a browser reads as another host");
        assertThat(SitePath.whyNot("/\\evil.example")).endsWith("contains a backslash");
        assertThat(SitePath.whyNot("/a\tb")).isEqualTo("\"/a\\u0009b\" contains a space or control character");
        assertThat(SitePath.whyNot("/" + "a".repeat(SitePath.MAX_LOCATION))).isEqualTo("the location is longer than 2048 characters");
    }

    @Test
    void anActionsRedirectFollowsTheSameRuleAsAGuards() {
        assertThatThrownBy(() -> new ActionResult.Redirect("/\\evil.example", 303))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("contains a backslash").hasMessageEndingWith("an open redirect is refused");
    }
}
