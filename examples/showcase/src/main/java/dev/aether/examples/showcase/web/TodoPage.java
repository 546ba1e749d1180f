package dev.aether.examples.showcase.web;

import static dev.aether.web.component.Components.each;
import static dev.aether.web.component.Components.show;
import static dev.aether.web.html.Html.*;

import dev.aether.web.html.Node;
import dev.aether.web.router.Action;
import dev.aether.web.router.Form;
import dev.aether.web.router.Level;
import dev.aether.web.router.Loader;
import dev.aether.web.router.NoParams;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A keyed list: add, toggle, remove and reorder. Each operation is one action, declared once; a
 * row's buttons are small forms carrying the row's id in a hidden field. Live, a button runs its
 * action over the live channel and the list patch inserts, moves or removes just those rows (the
 * others keep their DOM nodes); without JavaScript the form posts and the page loads again.
 *
 * <pre>{@code
 * TodoPage todos = new TodoPage(new TodoStore());
 * RouteTree.builder().page(todos.level())
 * }</pre>
 */
public final class TodoPage {
    /** What the add form sends. */
    public record NewTodo(@NotBlank(message = "Write what needs doing") @Size(max = TodoStore.MAX_TITLE, message = "Keep it under 200 characters")
                          String title) {
    }

    /** Which row a button is for. */
    public record TodoRef(int id) {
    }

    public enum Direction { UP, DOWN }

    /** A row moved one place. */
    public record TodoMove(int id, @NotNull Direction direction) {
    }

    private final TodoStore store;
    /** A summary loaded on the server: after each action the page's loaders run again, and it updates in place. */
    private final Loader<NoParams, String> summary;
    private final Action<NewTodo> add;
    private final Action<TodoRef> toggle;
    private final Action<TodoRef> remove;
    private final Action<TodoMove> move;

    public TodoPage(TodoStore store) {
        this.summary = Loader.of("todo-summary", args -> summarise(store.snapshot()));
        this.add = Action.of("add", NewTodo.class, todo -> {
            store.add(todo.title());
            return Action.done();
        });
        this.toggle = Action.of("toggle", TodoRef.class, ref -> {
            store.toggle(ref.id());
            return Action.done();
        });
        this.remove = Action.of("remove", TodoRef.class, ref -> {
            store.remove(ref.id());
            return Action.done();
        });
        this.move = Action.of("move", TodoMove.class, m -> {
            store.move(m.id(), m.direction() == Direction.UP ? -1 : 1);
            return Action.done();
        });
        this.store = store;
    }

    Level<NoParams> level() {
        return Level.page(WebPages.TODOS, WebPages.title("/todos"), ctx -> {
            Form<NewTodo> adding = ctx.form(add);
            Rows rows = new Rows(ctx.form(toggle), ctx.form(remove), ctx.form(move));
            return section(
                    h1(text("Todos")),
                    p(cls("lead"), text("A keyed list: adding, moving or removing a row patches just that row.")),
                    div(cls("card"), adding.render(id("add"), cls("bar"),
                                    adding.input("title", id("title"), attr("placeholder", "What needs doing?"), attr("maxlength", "200"),
                                            attr("aria-label", "New todo")),
                                    button(id("add-button"), type("submit"), text("Add"))),
                            show(() -> adding.error("title").isPresent(),
                                    () -> p(id("title-error"), cls("error"), text(() -> adding.error("title").orElse("")))),
                            show(() -> store.list().isEmpty(), () -> p(id("empty"), cls("empty"), text("Nothing to do."))),
                            p(id("summary"), cls("caption"), text(() -> ctx.data(summary))),
                            ul(id("todos"), cls("todos"), each(store::list, Todo::id, rows::row))));
        }).loader(summary).action(add).action(toggle).action(remove).action(move);
    }

    /** {@code "3 to do, 1 done"}. */
    static String summarise(java.util.List<Todo> todos) {
        long done = todos.stream().filter(Todo::done).count();
        return (todos.size() - done) + " to do, " + done + " done";
    }

    /** A row and its buttons, each a form of its own. */
    private record Rows(Form<TodoRef> toggle, Form<TodoRef> remove, Form<TodoMove> move) {
        Node row(Todo todo) {
            TodoRef ref = new TodoRef(todo.id());
            return li(attr("data-id", String.valueOf(todo.id())), classIf("done", todo::done),
                    inline(toggle, ref, button(cls("toggle", "quiet"), type("submit"), attr("aria-label", "toggle"), text(todo.done() ? "Undo" : "Done"))),
                    span(cls("title"), text(todo.title())),
                    move.render(cls("inline"), style("display", "inline"), move.hidden(ref),
                            button(cls("up", "quiet"), type("submit"), name("direction"), value("up"), attr("aria-label", "up"), text("↑")),
                            button(cls("down", "quiet"), type("submit"), name("direction"), value("down"), attr("aria-label", "down"), text("↓"))),
                    inline(remove, ref, button(cls("remove", "quiet"), type("submit"), attr("aria-label", "remove"), text("✕"))));
        }

        private static Node inline(Form<TodoRef> form, TodoRef ref, Node button) {
            return form.render(cls("inline"), style("display", "inline"), form.hidden(ref), button);
        }
    }
}
