package dev.aether.web;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The request a page or an action is rendered for: its method, path, query parameters and (for
 * a POST) the posted form fields. Values are as the browser sent them: render them with the DSL,
 * which escapes everything.
 *
 * <pre>{@code
 * .page("/search", request -> Page.of("Search", () -> results(request.query("q"))))
 * .action("/signup", request -> request.form("email").isBlank() ? ActionResult.invalid(page) : ActionResult.redirect("/thanks"))
 * }</pre>
 */
public record PageRequest(String method, String path, Map<String, List<String>> queryParameters, Map<String, String> formFields) {
    public PageRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        queryParameters = Map.copyOf(queryParameters);
        formFields = Map.copyOf(formFields);
    }

    /** The first value of query parameter {@code name}, or {@code ""}. */
    public String query(String name) {
        List<String> values = queryParameters.get(name);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }

    /** Posted form field {@code name}, or {@code ""} (always {@code ""} for a GET). */
    public String form(String name) {
        return formFields.getOrDefault(name, "");
    }

    /** Whether this is a form post (an action). */
    public boolean isPost() {
        return "POST".equals(method);
    }
}
