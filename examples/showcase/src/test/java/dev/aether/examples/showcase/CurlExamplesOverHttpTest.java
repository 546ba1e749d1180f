package dev.aether.examples.showcase;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aether.titan.Titan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sends README's curl requests, byte for byte, to the application over real HTTP with the JDK
 * client, in README's order, and checks each answer is the one README promises.
 */
class CurlExamplesOverHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Titan titan;
    private static HttpClient http;

    @BeforeAll
    static void start() {
        titan = ShowcaseServer.create(ListenAddress.of("127.0.0.1", 0)).start();
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        http.close();
        titan.stop();
    }

    @Test
    void everyCurlExampleGetsTheAnswerReadmeNames() throws IOException, InterruptedException {
        for (CurlExample example : CurlExamples.ALL) {
            HttpResponse<String> response = http.send(request(example), HttpResponse.BodyHandlers.ofString());
            String what = example.title() + " answered " + response.statusCode() + " " + response.body();
            assertThat(response.statusCode()).as(what).isEqualTo(example.expectedStatus());
            JsonNode answer = JSON.readTree(response.body());
            assertThat(answer.at(example.resultPointer())).as(what).isEqualTo(JSON.readTree(example.expectedResult()));
        }
    }

    @Test
    void eachCommandLineRunThroughCurlEndsWithTheHttpStatus() throws IOException, InterruptedException {
        Assumptions.assumeTrue(curlInstalled(), "curl is not installed: the command lines cannot be run");
        Titan fresh = ShowcaseServer.create(ListenAddress.of("127.0.0.1", 0)).start();   // README's order from a new start
        try {
            for (CurlExample example : CurlExamples.ALL) {
                Process curl = new ProcessBuilder("sh", "-c", example.commandLine(fresh.httpUri())).redirectErrorStream(true).start();
                String output = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(curl.waitFor()).as(output).isZero();
                assertThat(output).as(example.title()).endsWith(" -> HTTP " + example.expectedStatus() + "\n");
            }
        } finally {
            fresh.stop();
        }
    }

    private static boolean curlInstalled() throws InterruptedException {
        try {
            return new ProcessBuilder("curl", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** What curl sends for the example's command line: the same method, headers and body. */
    private static HttpRequest request(CurlExample example) {
        HttpRequest.Builder request = HttpRequest.newBuilder(titan.httpUri().resolve(example.path()))
                .timeout(Duration.ofSeconds(10));
        if (example.token() != null) {
            request.header("Authorization", "Bearer " + example.token());
        }
        if (example.body() == null) {
            return request.GET().build();
        }
        return request.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(example.body()))
                .build();
    }
}
