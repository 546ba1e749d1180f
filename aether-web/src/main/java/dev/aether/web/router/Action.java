package dev.aether.web.router;

import dev.aether.web.ActionResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A form's handler, declared once: it receives the submitted fields as a record {@code F} (bound
 * from the form's fields, then checked by Bean Validation) and says what happens next. Put it on a
 * level with {@link Level#action}; render its form in the level's view with
 * {@link RouteContext#form}. The same handler then runs in both ways a form is sent:
 *
 * <ul>
 *   <li>with the live runtime, the submission goes over the live channel to the handler; invalid
 *       fields show their messages in place, and after {@link #done()} the page's loaders run again;
 *   <li>without JavaScript the form posts to the page's URL; the handler runs as the route's
 *       action, then the browser is redirected (303: {@link #done()} to the same page, which loads
 *       afresh; {@link #redirect} elsewhere), or the page is rendered again with the messages and
 *       the typed values (422).
 * </ul>
 *
 * <pre>{@code
 * public record NewTodo(@NotBlank @Size(max = 200) String title) {}
 * static final Action<NewTodo> ADD = Action.of("add", NewTodo.class, todo -> {
 *     store.add(todo.title());
 *     return Action.done();
 * });
 *
 * Level.page(TODOS, "Todos", ctx -> {
 *     Form<NewTodo> add = ctx.form(ADD);
 *     return add.render(add.input("title"), button(type("submit"), text("Add")));
 * }).action(ADD)
 * }</pre>
 *
 * <p>Field types of {@code F}: {@code String} (absent is {@code ""}), {@code int}/{@code long}
 * and their boxes, {@code boolean} (a checkbox: present and not {@code "false"} is true), enums
 * (any case), and {@code Optional} of these (blank is empty). A value that does not convert is a
 * message for that field, like a broken constraint; so is an {@link IllegalArgumentException}
 * from the record's constructor (under the field {@code ""}: the whole form). The record must be
 * public, in a package the {@code dev.aether.web} module and Hibernate Validator can read.
 *
 * @param <F> the submitted fields
 */
public final class Action<F extends Record> {
    /** An id goes into a hidden field and is read back from a post: keep it plain. */
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,63}");

    /** The work: may block; an exception is a failed submission (500 without JavaScript, an error patch live). */
    @FunctionalInterface
    public interface Handler<F extends Record> {
        Outcome handle(F fields) throws Exception;
    }

    /** What a handler decided. */
    public sealed interface Outcome {
        /** It worked; stay on the page and load {@code revalidate} again (empty: every loader of the page). */
        record Done(List<Loader<?, ?>> revalidate) implements Outcome {
            public Done {
                revalidate = List.copyOf(revalidate);
            }
        }

        /** It worked; go to {@code location}, a path on this site. */
        record Redirect(String location) implements Outcome {
            public Redirect {
                new ActionResult.Redirect(location);   // the same check as any redirect: "/..." on this site
            }
        }

        /** The fields need fixing: field name → message ({@code ""} for the form as a whole). */
        record Invalid(Map<String, String> errors) implements Outcome {
            public Invalid {
                if (errors.isEmpty()) {
                    throw new IllegalArgumentException("an invalid outcome names at least one field's message");
                }
                errors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(errors));
            }
        }
    }

    private final String id;
    private final FormBinder<F> binder;
    private final Handler<F> handler;

    private Action(String id, Class<F> fields, Handler<F> handler) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("an action id is lower case letters, digits and '-', starting with a letter (at most 64), got " + id);
        }
        this.id = id;
        this.binder = FormBinder.of(fields);
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    /** An action named {@code id} (unique on the page: it is the form's hidden identifier), whose fields are a {@code fields} record. */
    public static <F extends Record> Action<F> of(String id, Class<F> fields, Handler<F> handler) {
        return new Action<>(id, Objects.requireNonNull(fields, "fields"), handler);
    }

    /** Stay on the page and load every loader of it again. */
    public static Outcome done() {
        return new Outcome.Done(List.of());
    }

    /** Stay on the page and load only {@code loaders} again. */
    public static Outcome done(Loader<?, ?>... loaders) {
        if (loaders.length == 0) {
            throw new IllegalArgumentException("name the loaders to run again, or call done() for all of them");
        }
        return new Outcome.Done(List.of(loaders));
    }

    /** Go to {@code location} (a path on this site: 303 without JavaScript). */
    public static Outcome redirect(String location) {
        return new Outcome.Redirect(location);
    }

    /** Field {@code field} needs fixing, for {@code message}. */
    public static Outcome invalid(String field, String message) {
        return new Outcome.Invalid(Map.of(field, message));
    }

    /** These fields need fixing: field name → message. */
    public static Outcome invalid(Map<String, String> errors) {
        return new Outcome.Invalid(errors);
    }

    public String id() {
        return id;
    }

    /** The type of the submitted fields. */
    public Class<F> fieldsType() {
        return binder.type();
    }

    /**
     * Binds {@code submitted} (field name → value, as a form sends them), checks it, and runs the
     * handler when it is valid. An {@link Outcome.Invalid} without running it otherwise.
     */
    Outcome submit(Map<String, String> submitted) throws Exception {
        FormBinder.Bound<F> bound = binder.bind(submitted);
        return switch (bound) {
            case FormBinder.Bound.Valid<F> valid -> Objects.requireNonNull(handler.handle(valid.fields()), () -> this + " returned no outcome");
            case FormBinder.Bound.Errors<F> errors -> new Outcome.Invalid(errors.messages());
        };
    }

    /** The messages {@code submitted} would get, without running the handler: for checking as the user types. */
    Map<String, String> check(Map<String, String> submitted) {
        return switch (binder.bind(submitted)) {
            case FormBinder.Bound.Valid<F> valid -> Map.of();
            case FormBinder.Bound.Errors<F> errors -> errors.messages();
        };
    }

    /** The field names of {@code F}, in declaration order. */
    List<String> fieldNames() {
        return binder.names();
    }

    /** {@code values}' components as form fields (for hidden fields: a row's id, say). */
    Map<String, String> fieldsOf(Record values) {
        return FormBinder.fieldsOf(values);
    }

    @Override
    public String toString() {
        return "Action[" + id + "]";
    }
}
