package dev.aether.titan.http;

import static dev.aether.titan.http.RawHttp.invoke;
import static dev.aether.titan.http.RawHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aether.titan.Titan;
import dev.aether.titan.fixtures.CalculatorService;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Arguments over HTTP are converted as strictly as over the WebSocket: each wrong value is a 400 naming the parameter. */
class HttpStrictArgumentsTest {
    private static Titan titan;
    private static RawHttp http;

    @BeforeAll
    static void start() {
        titan = Titan.builder().port(0).service(new CalculatorService()).build().start();
        http = new RawHttp(titan.httpUri());
    }

    @AfterAll
    static void stop() {
        titan.stop();
    }

    private static JsonNode refused(String input) {
        HttpResponse<String> response = http.post("/netron/invoke", invoke("s", "calculator", "add", input));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        return json(response).get("error");
    }

    @Test
    void nullIntoAPrimitiveIs400NamingTheParameter() {
        JsonNode error = refused("[null,null]");
        assertThat(error.get("message").asText()).isEqualTo("Invalid argument 0 of 'add(int, int)' ('a'): must not be null");
        assertThat(error.at("/details/parameter").asText()).isEqualTo("a");
        assertThat(error.at("/details/argument").asInt()).isZero();
    }

    @Test
    void stringsIntoNumbersAre400() {
        JsonNode error = refused("[\"1\",\"2\"]");
        assertThat(error.at("/details/parameter").asText()).isEqualTo("a");
        assertThat(error.at("/details/expected").asText()).isEqualTo("int");
    }

    @Test
    void fractionIntoAnIntegerIs400NotTruncated() {
        JsonNode error = refused("[1,2.5]");
        assertThat(error.at("/details/parameter").asText()).isEqualTo("b");
        assertThat(error.at("/details/argument").asInt()).isEqualTo(1);
    }

    @Test
    void wholeFloatIntoAnIntegerIsThatInteger() {
        HttpResponse<String> response = http.post("/netron/invoke", invoke("w", "calculator", "add", "[1.0,2]"));
        assertThat(json(response).get("data").asInt()).isEqualTo(3);
    }

    @Test
    void wholeNumbersStillWidenToDoubles() {
        HttpResponse<String> response = http.post("/netron/invoke", invoke("d", "calculator", "divide", "[3,2]"));
        assertThat(json(response).get("data").asDouble()).isEqualTo(1.5);
    }
}
