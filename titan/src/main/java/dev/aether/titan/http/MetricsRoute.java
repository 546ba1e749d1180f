package dev.aether.titan.http;

import dev.aether.netron.protocol.error.AuthException;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * {@code GET /metrics}: the Prometheus text exposition, for a scraper presenting
 * {@code Authorization: Bearer <metricsToken>}. Closed (401 with {@code WWW-Authenticate: Bearer})
 * when no token is configured, so a forgotten setting never publishes the metrics.
 *
 * <pre>{@code
 * curl -s localhost:8080/metrics -H "Authorization: Bearer $METRICS_TOKEN"
 * }</pre>
 */
final class MetricsRoute implements Route {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry meters;
    private final byte[] token;

    MetricsRoute(PrometheusMeterRegistry meters, String token) {
        this.meters = meters;
        this.token = token == null || token.isEmpty() ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void handle(Exchange exchange) {
        String presented = BearerAuth.bearerToken(exchange.header("Authorization"));
        // Constant-time comparison: the token must not be guessable byte by byte from response times.
        if (token == null || presented == null || !MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8))) {
            throw new AuthException("Metrics require a valid Bearer token", Map.of());
        }
        exchange.send(200, CONTENT_TYPE, meters.scrape());
    }
}
