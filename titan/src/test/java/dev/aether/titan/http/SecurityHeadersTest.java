package dev.aether.titan.http;

import static dev.aether.titan.http.RawHttp.invoke;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.titan.Titan;
import dev.aether.titan.fixtures.CalculatorService;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every answer of the server says nosniff and keeps its URL from other sites, whatever route made it. */
class SecurityHeadersTest {
    private static Titan titan;
    private static RawHttp http;

    @BeforeAll
    static void start() {
        titan = Titan.builder().port(0).service(new CalculatorService()).metricsToken("metrics-secret").build().start();
        http = new RawHttp(titan.httpUri());
    }

    @AfterAll
    static void stop() {
        titan.stop();
    }

    private static void assertSecurityHeaders(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("X-Content-Type-Options")).as("nosniff on %s", response.uri()).hasValue("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
    }

    @Test
    void aNetronJsonResultSaysNosniff() {
        HttpResponse<String> response = http.post("/netron/invoke", invoke("1", "calculator", "add", "[1,2]"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertSecurityHeaders(response);
    }

    @Test
    void aNetronJsonErrorSaysNosniff() {
        HttpResponse<String> response = http.post("/netron/invoke", invoke("1", "calculator", "<script>", "[]"));
        assertThat(response.statusCode()).isEqualTo(404);
        assertSecurityHeaders(response);
        assertSecurityHeaders(http.get("/no-such-route"));
    }

    @Test
    void healthAndMetricsSayNosniff() {
        assertSecurityHeaders(http.get("/health"));
        HttpResponse<String> metrics = http.get("/metrics", "Authorization", "Bearer metrics-secret");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertSecurityHeaders(metrics);
        assertSecurityHeaders(http.get("/metrics"));   // 401
    }

    @Test
    void aCorsPreflightSaysNosniff() {
        assertSecurityHeaders(http.options("/netron/invoke", "Origin", "http://app.example", "Access-Control-Request-Method", "POST"));
    }
}
