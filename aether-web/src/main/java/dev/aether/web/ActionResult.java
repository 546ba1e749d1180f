package dev.aether.web;

import java.util.Objects;

/**
 * What a form post (without JavaScript, or any plain POST) leads to: a redirect (303, the
 * post/redirect/get pattern) or a page shown with a status — 422 when the input was invalid,
 * so the form comes back with its values and messages.
 *
 * <pre>{@code
 * .action("/signup", request -> {
 *     Signup form = Signup.from(request);
 *     return form.valid() ? ActionResult.redirect("/welcome") : ActionResult.invalid(signupPage(form));
 * })
 * }</pre>
 */
public sealed interface ActionResult {
    /** Answer 303 See Other to {@code location} (a path on this site). */
    record Redirect(String location) implements ActionResult {
        public Redirect {
            Objects.requireNonNull(location, "location");
            if (!location.startsWith("/") || location.startsWith("//")) {
                throw new IllegalArgumentException("redirect to a path on this site (\"/...\"), got " + location);
            }
        }
    }

    /** Render {@code page} (live, like any page) with HTTP status {@code status}. */
    record Show(Page page, int status) implements ActionResult {
        public Show {
            Objects.requireNonNull(page, "page");
        }
    }

    static ActionResult redirect(String location) {
        return new Redirect(location);
    }

    static ActionResult show(Page page) {
        return new Show(page, 200);
    }

    /** The page again, with 422 Unprocessable Content: the input needs fixing. */
    static ActionResult invalid(Page page) {
        return new Show(page, 422);
    }
}
