package dev.aether.titan.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one origin check of Netron's HTTP calls, Netron's WebSocket and the live channel. */
class OriginCheckTest {
    private final OriginCheck sameOriginOnly = new OriginCheck(List.of());

    @Test
    void anOriginIsSameSiteWhenItsHostAndPortAreTheRequestsHost() {
        assertThat(OriginCheck.sameOrigin("http://127.0.0.1:8080", "127.0.0.1:8080")).isTrue();
        assertThat(OriginCheck.sameOrigin("https://Shop.Example", "shop.example")).isTrue();
    }

    @Test
    void anOriginOfAnotherHostOrPortOrNoneIsNotSameSite() {
        assertThat(OriginCheck.sameOrigin("http://127.0.0.1:8081", "127.0.0.1:8080")).isFalse();
        assertThat(OriginCheck.sameOrigin("http://evil.example", "shop.example")).isFalse();
        assertThat(OriginCheck.sameOrigin("http://shop.example.evil.example", "shop.example")).isFalse();
        assertThat(OriginCheck.sameOrigin("null", "shop.example")).isFalse();
        assertThat(OriginCheck.sameOrigin("not a uri", "shop.example")).isFalse();
        assertThat(OriginCheck.sameOrigin("http://shop.example", null)).isFalse();
    }

    @Test
    void aRequestWithoutAnOriginIsNotABrowserCrossOriginRequestAndPasses() {
        assertThat(sameOriginOnly.admits(null, "shop.example")).isTrue();
    }

    @Test
    void theServersOwnPagesPassAndOthersDoNotWhenNoOriginIsListed() {
        assertThat(sameOriginOnly.admits("https://shop.example", "shop.example")).isTrue();
        assertThat(sameOriginOnly.admits("https://evil.example", "shop.example")).isFalse();
    }

    @Test
    void aListedOriginPassesExactlyAsWritten() {
        OriginCheck withApp = new OriginCheck(List.of("https://app.example"));
        assertThat(withApp.admits("https://app.example", "api.example")).isTrue();
        assertThat(withApp.admits("https://app.example:444", "api.example")).isFalse();
    }
}
