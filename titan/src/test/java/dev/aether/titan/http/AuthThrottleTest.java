package dev.aether.titan.http;

import static dev.aether.titan.http.RawHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.titan.Limits;
import dev.aether.titan.Titan;
import dev.aether.titan.fixtures.CalculatorService;
import dev.aether.titan.fixtures.Tokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Authentication attempts are throttled by default, per identity and per IP address, with 429 and Retry-After. */
class AuthThrottleTest {
    private static final Limits.AuthAttempts DEFAULTS = Limits.AuthAttempts.defaults();

    private static String login(String username, String password) {
        return "{\"id\":\"a\",\"credentials\":{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}}";
    }

    private static Titan titan() {
        return Titan.builder().port(0).service(new CalculatorService()).authenticator(new Tokens()).build().start();
    }

    @Test
    void wrongPasswordsForOneIdentityAreThrottledByDefault() {
        try (Titan titan = titan()) {
            RawHttp http = new RawHttp(titan.httpUri());
            for (int i = 0; i < DEFAULTS.perIdentity(); i++) {
                HttpResponse<String> rejected = http.post("/netron/authenticate", login("alice", "guess" + i));
                assertThat(json(rejected).at("/result/success").asBoolean()).isFalse();
            }
            HttpResponse<String> throttled = http.post("/netron/authenticate", login("Alice", "secret"));
            assertThat(throttled.statusCode()).as("even the right password waits: the identity is under attack").isEqualTo(429);
            assertThat(Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
            assertThat(json(throttled).at("/error/message").asText()).startsWith("Too many authentication attempts for this identity");
        }
    }

    @Test
    void otherIdentitiesFromTheSameAddressStillLogIn() {
        try (Titan titan = titan()) {
            RawHttp http = new RawHttp(titan.httpUri());
            for (int i = 0; i <= DEFAULTS.perIdentity(); i++) {
                http.post("/netron/authenticate", login("mallory", "guess" + i));
            }
            HttpResponse<String> alice = http.post("/netron/authenticate", login("alice", "secret"));
            assertThat(alice.statusCode()).isEqualTo(200);
            assertThat(json(alice).at("/result/success").asBoolean()).isTrue();
        }
    }

    @Test
    void attemptsFromOneAddressAreThrottledWhateverTheIdentity() {
        try (Titan titan = titan()) {
            RawHttp http = new RawHttp(titan.httpUri());
            for (int i = 0; i < DEFAULTS.perIp(); i++) {
                assertThat(http.post("/netron/authenticate", login("user" + i, "guess")).statusCode()).isEqualTo(200);
            }
            HttpResponse<String> throttled = http.post("/netron/authenticate", login("one-more", "guess"));
            assertThat(throttled.statusCode()).isEqualTo(429);
            assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
            assertThat(json(throttled).at("/error/message").asText()).startsWith("Too many authentication attempts:");
        }
    }

    @Test
    void limitsAreConfigurable() {
        try (Titan titan = Titan.builder().port(0).service(new CalculatorService()).authenticator(new Tokens())
                .authAttempts(0, 2, Duration.ofMinutes(5)).build().start()) {
            RawHttp http = new RawHttp(titan.httpUri());
            http.post("/netron/authenticate", login("alice", "a"));
            http.post("/netron/authenticate", login("alice", "b"));
            assertThat(http.post("/netron/authenticate", login("alice", "c")).statusCode()).isEqualTo(429);
            for (int i = 0; i < DEFAULTS.perIp() + 5; i++) {
                assertThat(http.post("/netron/authenticate", login("u" + i, "x")).statusCode()).as("no limit per IP").isEqualTo(200);
            }
        }
    }
}
