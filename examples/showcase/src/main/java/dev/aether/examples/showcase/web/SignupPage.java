package dev.aether.examples.showcase.web;

import static dev.aether.web.component.Components.show;
import static dev.aether.web.component.Components.when;
import static dev.aether.web.html.Html.*;

import dev.aether.reactive.Reactive;
import dev.aether.reactive.Signal;
import dev.aether.web.ActionResult;
import dev.aether.web.Page;
import dev.aether.web.PageRequest;
import dev.aether.web.html.Node;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A form validated as you type (live), or on submit without JavaScript: an invalid post comes
 * back with 422, the values kept and the messages shown; a valid one redirects to the welcome.
 *
 * <pre>{@code
 * web.page("/signup", SignupPage::page).action("/signup", SignupPage::post);
 * }</pre>
 */
public final class SignupPage {
    private SignupPage() {
    }

    public static Page page(PageRequest request) {
        return render(SignupForm.empty(), false, request.query("welcome"));
    }

    public static ActionResult post(PageRequest request) {
        SignupForm form = new SignupForm(request.form("name"), request.form("email"));
        if (form.valid()) {
            return ActionResult.redirect("/signup?welcome=" + java.net.URLEncoder.encode(form.name().strip(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return ActionResult.invalid(render(form, true, ""));
    }

    private static Page render(SignupForm initial, boolean showErrors, String welcomed) {
        return Layout.page("/signup", () -> {
            Signal<String> name = Reactive.signal(initial.name());
            Signal<String> email = Reactive.signal(initial.email());
            Signal<Boolean> tried = Reactive.signal(showErrors);
            Signal<String> welcome = Reactive.signal(welcomed.isEmpty() ? null : welcomed);
            Supplier<Map<String, String>> errors = Reactive.computed(() -> new SignupForm(name.get(), email.get()).errors());
            return section(
                    h1(text("Sign up")),
                    p(cls("lead"), text("Validated as you type, by the same Java code that checks a post without JavaScript.")),
                    when(welcome::get, who -> p(id("welcome"), cls("card"), text("Welcome, " + who + "!")), () -> form(id("signup"), cls("card", "narrow"),
                            attr("method", "post"), attr("action", "/signup"), attr("novalidate", true),
                            on("submit", e -> {
                                name.set(e.field("name"));
                                email.set(e.field("email"));
                                tried.set(true);
                                if (errors.get().isEmpty()) {
                                    welcome.set(name.get().strip());
                                }
                            }),
                            field("Name", "name", name, errors, tried),
                            field("E-mail", "email", email, errors, tried),
                            button(id("submit"), type("submit"), text("Sign up")))));
        });
    }

    private static Node field(String label, String field, Signal<String> value, Supplier<Map<String, String>> errors,
                              Signal<Boolean> tried) {
        return label(text(label), input(id(field), name(field), attr("value", value::get),
                        on("input", e -> value.set(e.value())).debounce(150), on("change", e -> tried.set(true))),
                show(() -> tried.get() && errors.get().containsKey(field),
                        () -> span(id(field + "-error"), cls("error"), text(() -> errors.get().get(field)))));
    }
}
