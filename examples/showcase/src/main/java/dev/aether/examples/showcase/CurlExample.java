package dev.aether.examples.showcase;

import java.net.URI;

/**
 * One request to try the running application with curl, and the answer it gets. The same
 * values print the banner, fill README's "Try it" section and drive the test that checks them
 * against the real server, so the three cannot drift apart.
 *
 * <pre>{@code
 * CurlExample add = CurlExample.post("add two numbers", "/netron/invoke",
 *         "{\"id\":\"1\",\"service\":\"calculator@1.0.0\",\"method\":\"add\",\"input\":[2,3]}", 200, "/data", "5");
 * add.commandLine(URI.create("http://127.0.0.1:8080"));
 * // curl -s -w ' -> HTTP %{http_code}\n' http://127.0.0.1:8080/netron/invoke -H 'Content-Type: application/json' -d '{"id":"1",...}'
 * }</pre>
 *
 * @param title          what the request shows
 * @param path           the route, e.g. {@code /netron/invoke}
 * @param body           the JSON body for POST; null for GET
 * @param token          a Bearer token to send, or null
 * @param expectedStatus the HTTP status the application answers with
 * @param resultPointer  a JSON pointer into the answer ({@code /data}, {@code /error/code})
 * @param expectedResult the JSON found there
 */
public record CurlExample(String title, String path, String body, String token, int expectedStatus,
                          String resultPointer, String expectedResult) {

    /** curl's {@code -w} argument: after the body, the status (curl -s alone hides it), then a newline. */
    static final String STATUS_FORMAT = "' -> HTTP %{http_code}\\n'";

    public CurlExample {
        if (body != null && body.contains("'")) {
            // The body is single-quoted on the command line.
            throw new IllegalArgumentException("a curl body must not contain a single quote: " + body);
        }
    }

    /** A POST of a JSON body. */
    public static CurlExample post(String title, String path, String body, int status, String pointer, String expected) {
        return new CurlExample(title, path, body, null, status, pointer, expected);
    }

    /** A GET. */
    public static CurlExample get(String title, String path, int status, String pointer, String expected) {
        return new CurlExample(title, path, null, null, status, pointer, expected);
    }

    /** The same request with {@code Authorization: Bearer token}. */
    public CurlExample withToken(String bearerToken) {
        return new CurlExample(title, path, body, bearerToken, expectedStatus, resultPointer, expectedResult);
    }

    /** The curl command against a server at {@code base} (e.g. {@code http://127.0.0.1:8080}). */
    public String commandLine(URI base) {
        StringBuilder line = new StringBuilder("curl -s -w ").append(STATUS_FORMAT).append(' ').append(base).append(path);
        if (token != null) {
            line.append(" -H 'Authorization: Bearer ").append(token).append('\'');
        }
        if (body != null) {
            line.append(" -H 'Content-Type: application/json' -d '").append(body).append('\'');
        }
        return line.toString();
    }

    /** The shell comment above the command: {@code # calculator.add(2, 3)  ->  HTTP 200, data = 5}. */
    public String comment() {
        return "# " + title + "  ->  " + expectation();
    }

    /** What to look for in the answer, e.g. {@code HTTP 200, data[0].name = "Ada"}. */
    public String expectation() {
        StringBuilder where = new StringBuilder();
        for (String step : resultPointer.substring(1).split("/")) {
            if (step.chars().allMatch(Character::isDigit)) {
                where.append('[').append(step).append(']');
            } else {
                where.append(where.isEmpty() ? "" : ".").append(step);
            }
        }
        return "HTTP " + expectedStatus + ", " + where + " = " + expectedResult;
    }
}
