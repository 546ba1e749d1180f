package dev.aether.web;

import dev.aether.web.safety.SitePath;
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
    /** Answer {@code status} (a 3xx; 303 See Other after a post) to {@code location} (a path on this site). */
    record Redirect(String location, int status) implements ActionResult {
        public Redirect {
            Objects.requireNonNull(location, "location");
            String refused = SitePath.whyNot(location);
            if (refused != null) {
                throw new IllegalArgumentException("redirect to a path on this site (\"/...\"): " + refused + "; an open redirect is refused");
            }
            if (status < 300 || status > 399) {
                throw new IllegalArgumentException("a redirect's status is a 3xx, got " + status);
            }
        }

        public Redirect(String location) {
            this(location, 303);
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

    /** A redirect with another status than 303: a route's 301/308 (moved) or 302/307. */
    static ActionResult redirect(String location, int status) {
        return new Redirect(location, status);
    }

    static ActionResult show(Page page) {
        return new Show(page, 200);
    }

    /** The page again, with 422 Unprocessable Content: the input needs fixing. */
    static ActionResult invalid(Page page) {
        return new Show(page, 422);
    }
}
