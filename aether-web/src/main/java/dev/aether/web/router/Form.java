package dev.aether.web.router;

import static dev.aether.web.html.Html.*;

import dev.aether.reactive.Reactive;
import dev.aether.reactive.Signal;
import dev.aether.web.html.Element;
import dev.aether.web.html.Html;
import dev.aether.web.html.Node;
import dev.aether.web.html.Part;
import dev.aether.web.protocol.LiveProtocol;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * One {@link Action}'s form on a rendered page: what it renders, and its state (the values typed
 * and the messages of the last check), as signals. Made by {@link RouteContext#form}; its
 * submissions run the action's handler, over the live channel or as a post.
 *
 * <pre>{@code
 * Form<Signup> form = ctx.form(SIGN_UP);
 * form.render(id("signup"),
 *         label(text("Name"), form.input("name", id("name"))),
 *         show(() -> form.error("name").isPresent(), () -> span(cls("error"), text(() -> form.error("name").orElse("")))),
 *         button(type("submit"), text("Sign up")))
 * }</pre>
 *
 * <p>A row's button is a form of its own with the row's values as hidden fields:
 * {@code toggle.render(toggle.hidden(new TodoRef(todo.id())), button(type("submit"), text("Done")))}.
 */
public final class Form<F extends Record> {
    private final Action<F> action;
    private final Supplier<String> url;
    private final Submissions submissions;
    private final Map<String, Signal<String>> values = new HashMap<>();
    private final Signal<Map<String, String>> errors;
    private final Signal<Boolean> checking;   // true once submitted or a field was left: every change is checked again

    Form(Action<F> action, Supplier<String> url, Optional<PageState.Posted> posted, Submissions submissions) {
        this.action = action;
        this.url = url;
        this.submissions = submissions;
        Map<String, String> seeded = posted.map(PageState.Posted::values).orElse(Map.of());
        for (String field : action.fieldNames()) {
            values.put(field, Reactive.signal(seeded.getOrDefault(field, "")));
        }
        this.errors = Reactive.signal(posted.map(PageState.Posted::errors).orElse(Map.of()));
        this.checking = Reactive.signal(posted.isPresent());
    }

    /**
     * What runs a submission: the page's own forms run the handler at once, on the session; a
     * {@link Fetcher}'s forms run it beside the page and report to the fetcher.
     */
    interface Submissions {
        void submit(Form<?> form, Map<String, String> fields);
    }

    public Action<F> action() {
        return action;
    }

    /**
     * The form: {@code <form method="post" action="(this page's URL)">} with the action's id in a
     * hidden field, {@code parts} inside. Live, submitting it runs the action over the live channel.
     */
    public Element render(Part... parts) {
        List<Part> all = new ArrayList<>(parts.length + 4);
        all.add(attr("method", "post"));
        all.add(attr("action", url));
        all.add(on("submit", e -> submissions.submit(this, e.data())));
        all.add(Html.input(type("hidden"), name(LiveProtocol.Markup.ACTION_FIELD), Html.value(action.id())));
        all.addAll(List.of(parts));
        return form(all.toArray(Part[]::new));
    }

    /** Hidden fields holding {@code values}' components: what a row's form sends besides what is typed. */
    public Node hidden(Record values) {
        return fragment(action.fieldsOf(values).entrySet().stream()
                .map(f -> (Node) Html.input(type("hidden"), name(f.getKey()), Html.value(f.getValue())))
                .toList());
    }

    /**
     * An {@code <input>} for {@code field}, showing its value (as typed, kept after an invalid
     * submission) and, live, checking the form again as it changes once the form was submitted or
     * the field left.
     */
    public Element input(String field, Part... parts) {
        Signal<String> value = signal(field);
        List<Part> all = new ArrayList<>(parts.length + 4);
        all.add(name(field));
        all.add(attr("value", value::get));
        all.add(on("input", e -> {
            value.set(e.value());
            if (checking.peek()) {
                errors.set(action.check(typed()));
            }
        }));
        all.add(on("change", e -> {
            checking.set(true);
            errors.set(action.check(typed()));
        }));
        all.addAll(List.of(parts));
        return Html.input(all.toArray(Part[]::new));
    }

    /** The value of {@code field} as typed (tracked). */
    public String value(String field) {
        return signal(field).get();
    }

    /** The message of {@code field} (tracked); {@code ""} is the form as a whole. */
    public Optional<String> error(String field) {
        return Optional.ofNullable(errors.get().get(field));
    }

    /** Every message (tracked): field → message. */
    public Map<String, String> errors() {
        return errors.get();
    }

    /** The fields as typed, by name. */
    Map<String, String> typed() {
        Map<String, String> typed = new LinkedHashMap<>();
        values.forEach((field, value) -> typed.put(field, value.peek()));
        return typed;
    }

    /** Runs the action with {@code fields} here and now, and shows what it answered; see {@link #show}. */
    CompletableFuture<Void> submitNow(Map<String, String> fields, PageState page) {
        Action.Outcome outcome;
        try {
            outcome = action.submit(fields);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(action + " failed", e);
        }
        return show(outcome, fields, page);
    }

    /**
     * Shows {@code outcome} of a submission of {@code fields}: messages, a cleared form, or another
     * page. Completes, on the session, once the page shows it: at once, or when the loaders the
     * action revalidates are in.
     */
    CompletableFuture<Void> show(Action.Outcome outcome, Map<String, String> fields, PageState page) {
        switch (outcome) {
            case Action.Outcome.Invalid invalid -> {
                values.forEach((field, value) -> value.set(fields.getOrDefault(field, "")));
                checking.set(true);
                errors.set(invalid.errors());
                return CompletableFuture.completedFuture(null);
            }
            case Action.Outcome.Done done -> {
                values.values().forEach(value -> value.set(""));   // as the fresh page after a post's redirect would show it
                checking.set(false);
                errors.set(Map.of());
                return page.revalidate(done.revalidate());
            }
            case Action.Outcome.Redirect redirect -> {
                page.navigate(redirect.location());   // the navigation's own state takes over
                return CompletableFuture.completedFuture(null);
            }
        }
    }

    private Signal<String> signal(String field) {
        Signal<String> value = values.get(field);
        if (value == null) {
            throw new IllegalArgumentException(field + " is not a field of " + action + ": its fields are " + action.fieldNames());
        }
        return value;
    }

    @Override
    public String toString() {
        return "Form[" + action.id() + "]";
    }

    /** For the page state: where a form's submissions go when it is the page's own. */
    static Submissions direct(PageState page) {
        return (form, fields) -> page.submitting(() -> form.submitNow(fields, page));
    }
}
