package dev.aether.examples.showcase;

import java.util.List;

/**
 * The requests README's "Try it" section lists, in order: run against a fresh server, each one
 * gets the answer it names (the create makes user 3, the delete removes user 2).
 *
 * <pre>{@code
 * for (CurlExample e : CurlExamples.ALL) {
 *     System.out.println(e.commandLine(titan.httpUri()));
 * }
 * }</pre>
 */
public final class CurlExamples {
    private CurlExamples() {
    }

    public static final CurlExample HEALTH = CurlExample.get("health", "/health", 200, "/status", "\"online\"");

    public static final CurlExample ADD = CurlExample.post("calculator.add(2, 3)", "/netron/invoke",
            "{\"id\":\"1\",\"service\":\"calculator@1.0.0\",\"method\":\"add\",\"input\":[2,3]}", 200, "/data", "5");

    public static final CurlExample DIVIDE_BY_ZERO = CurlExample.post("calculator.divide(1, 0): a validation error",
            "/netron/invoke",
            "{\"id\":\"2\",\"service\":\"calculator\",\"method\":\"divide\",\"input\":[1,0]}", 422, "/error/message",
            "\"Cannot divide by zero\"");

    public static final CurlExample FIBONACCI = CurlExample.post("calculator.fibonacci(50): an async method",
            "/netron/invoke",
            "{\"id\":\"3\",\"service\":\"calculator\",\"method\":\"fibonacci\",\"input\":[50]}", 200, "/data", "12586269025");

    public static final CurlExample LIST_USERS = CurlExample.post("users.list()", "/netron/invoke",
            "{\"id\":\"4\",\"service\":\"users@1.0.0\",\"method\":\"list\",\"input\":[]}", 200, "/data/0/name", "\"Ada Lovelace\"");

    public static final CurlExample MISSING_USER = CurlExample.post("users.get(42): not found", "/netron/invoke",
            "{\"id\":\"5\",\"service\":\"users\",\"method\":\"get\",\"input\":[42]}", 404, "/error/message",
            "\"No user with id 42\"");

    public static final CurlExample CREATE_USER = CurlExample.post("users.create(...)", "/netron/invoke",
            "{\"id\":\"6\",\"service\":\"users\",\"method\":\"create\",\"input\":[{\"name\":\"Grace Hopper\",\"email\":\"grace@example.com\"}]}",
            200, "/data/id", "3");

    public static final CurlExample INVALID_USER = CurlExample.post("users.create(...) with a bad e-mail", "/netron/invoke",
            "{\"id\":\"7\",\"service\":\"users\",\"method\":\"create\",\"input\":[{\"name\":\"Bob\",\"email\":\"not-an-email\"}]}",
            422, "/error/message", "\"email is not a valid address\"");

    public static final CurlExample BATCH = CurlExample.post("a batch of three calls, one failing", "/netron/batch",
            "{\"id\":\"b1\",\"requests\":["
                    + "{\"id\":\"1\",\"service\":\"calculator\",\"method\":\"add\",\"input\":[1,2]},"
                    + "{\"id\":\"2\",\"service\":\"users\",\"method\":\"get\",\"input\":[1]},"
                    + "{\"id\":\"3\",\"service\":\"users\",\"method\":\"get\",\"input\":[42]}]}",
            200, "/hints/failureCount", "1");

    public static final CurlExample ANONYMOUS_DELETE = CurlExample.post("users.delete(2) without a token", "/netron/invoke",
            "{\"id\":\"8\",\"service\":\"users\",\"method\":\"delete\",\"input\":[2]}", 401, "/success", "false");

    public static final CurlExample AUTHENTICATE = CurlExample.post("log in as the demo admin", "/netron/authenticate",
            "{\"credentials\":{\"username\":\"admin\",\"password\":\"admin-password\"}}", 200, "/result/context/metadata/token",
            "\"" + DemoAuthenticator.ADMIN_TOKEN + "\"");

    public static final CurlExample GUEST_DELETE = CurlExample.post("users.delete(2) as a guest (not an admin)",
            "/netron/invoke", "{\"id\":\"9\",\"service\":\"users\",\"method\":\"delete\",\"input\":[2]}", 403, "/success", "false")
            .withToken(DemoAuthenticator.GUEST_TOKEN);

    public static final CurlExample ADMIN_DELETE = CurlExample.post("users.delete(2) with the admin's token", "/netron/invoke",
            "{\"id\":\"10\",\"service\":\"users\",\"method\":\"delete\",\"input\":[2]}", 200, "/data", "true")
            .withToken(DemoAuthenticator.ADMIN_TOKEN);

    /** Every example, in the order README lists them. */
    public static final List<CurlExample> ALL = List.of(HEALTH, ADD, DIVIDE_BY_ZERO, FIBONACCI, LIST_USERS, MISSING_USER,
            CREATE_USER, INVALID_USER, BATCH, ANONYMOUS_DELETE, AUTHENTICATE, GUEST_DELETE, ADMIN_DELETE);
}
