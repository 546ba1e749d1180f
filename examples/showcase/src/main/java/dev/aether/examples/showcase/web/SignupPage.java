package dev.aether.examples.showcase.web;

import static dev.aether.web.component.Components.show;
import static dev.aether.web.html.Html.*;
import static dev.aether.web.router.Links.link;

import dev.aether.examples.showcase.web.WebPages.SignupParams;
import dev.aether.web.html.Node;
import dev.aether.web.router.Action;
import dev.aether.web.router.Form;
import dev.aether.web.router.Level;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Optional;

/**
 * A form declared once: its fields are a record whose constraints are the validation, checked as
 * you type (live) and on submit (live, or as a post without JavaScript: an invalid post comes back
 * with 422, the values kept and the messages shown). A valid one redirects to the welcome.
 *
 * <pre>{@code
 * RouteTree.builder().page(SignupPage.level())
 * }</pre>
 */
public final class SignupPage {
    /** The form's fields and their rules. */
    public record Signup(
            @NotBlank(message = "Enter your name") @Size(max = 100, message = "Keep your name under 100 characters") String name,
            @Pattern(regexp = "\\s*[^@\\s]+@[^@\\s]+\\.[^@\\s]+\\s*", message = "Enter an e-mail address like ada@example.com") String email) {
    }

    static final Action<Signup> SIGN_UP = Action.of("signup", Signup.class,
            signup -> Action.redirect(link(WebPages.SIGNUP, new SignupParams(Optional.of(signup.name().strip())))));

    private SignupPage() {
    }

    static Level<SignupParams> level() {
        return Level.page(WebPages.SIGNUP, WebPages.title("/signup"), ctx -> {
            Form<Signup> form = ctx.form(SIGN_UP);
            return section(
                    h1(text("Sign up")),
                    p(cls("lead"), text("Validated as you type, by the same Java code that checks a post without JavaScript.")),
                    ctx.params().welcome()
                            .<Node>map(who -> p(id("welcome"), cls("card"), text("Welcome, " + who + "!")))
                            .orElseGet(() -> form.render(id("signup"), cls("card", "narrow"), attr("novalidate", true),
                                    field(form, "Name", "name"),
                                    field(form, "E-mail", "email"),
                                    button(id("submit"), type("submit"), text("Sign up")))));
        }).action(SIGN_UP);
    }

    private static Node field(Form<Signup> form, String label, String field) {
        return label(text(label), form.input(field, id(field)),
                show(() -> form.error(field).isPresent(),
                        () -> span(id(field + "-error"), cls("error"), text(() -> form.error(field).orElse("")))));
    }
}
