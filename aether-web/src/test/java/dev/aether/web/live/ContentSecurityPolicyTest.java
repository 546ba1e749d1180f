package dev.aether.web.live;

import static dev.aether.web.html.Html.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.titan.Titan;
import dev.aether.web.AetherWeb;
import dev.aether.web.Page;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The Content-Security-Policy a page is served with can be replaced, or turned off. */
class ContentSecurityPolicyTest {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private HttpResponse<String> page(Function<String, String> policy) throws Exception {
        AetherWeb web = AetherWeb.builder().contentSecurityPolicy(policy)
                .page("/", request -> Page.of("Home", () -> p(text("hello"))))
                .build();
        Titan titan = Titan.builder().port(0).mount(web).build().start();
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + titan.port() + "/"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            return r;
        } finally {
            titan.stop();
        }
    }

    @Test
    void anApplicationsPolicyGetsTheResponsesNonce() throws Exception {
        HttpResponse<String> r = page(nonce -> AetherWeb.defaultContentSecurityPolicy(nonce) + "; img-src 'self'");
        String policy = r.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).startsWith("default-src 'self'; script-src 'self' 'nonce-").endsWith("; img-src 'self'");
        String nonce = policy.substring(policy.indexOf("'nonce-") + 7, policy.indexOf("'", policy.indexOf("'nonce-") + 7));
        assertThat(r.body()).contains(" nonce=\"" + nonce + "\" data-session=");
    }

    @Test
    void noPolicyMeansNoHeaderAndNoNonce() throws Exception {
        HttpResponse<String> r = page(null);
        assertThat(r.headers().firstValue("Content-Security-Policy")).isEmpty();
        assertThat(r.body()).contains("<script src=\"/_aether/runtime.js").doesNotContain("nonce=");
    }
}
