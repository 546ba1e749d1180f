package dev.aether.examples.showcase.web;

import static dev.aether.web.component.Components.each;
import static dev.aether.web.component.Components.show;
import static dev.aether.web.html.Html.*;

import dev.aether.reactive.Reactive;
import dev.aether.reactive.Signal;
import dev.aether.web.ActionResult;
import dev.aether.web.Page;
import dev.aether.web.PageRequest;
import dev.aether.web.html.Node;

/**
 * A keyed list: add, toggle, remove and reorder. Live, each button runs a handler and the list
 * patch inserts, moves or removes just those rows (the others keep their DOM nodes); without
 * JavaScript every button is a small form posting to {@code /todos}.
 *
 * <pre>{@code
 * TodoPage todos = new TodoPage(new TodoStore());
 * web.page("/todos", todos::page).action("/todos", todos::post);
 * }</pre>
 */
public final class TodoPage {
    private final TodoStore store;

    public TodoPage(TodoStore store) {
        this.store = store;
    }

    public Page page(PageRequest request) {
        return Layout.page("/todos", () -> {
            Signal<String> draft = Reactive.signal("");
            return section(
                    h1(text("Todos")),
                    p(cls("lead"), text("A keyed list: adding, moving or removing a row patches just that row.")),
                    div(cls("card"), form(id("add"), cls("bar"), attr("method", "post"), attr("action", "/todos"),
                            on("submit", e -> {
                                store.add(e.field("title"));
                                draft.set("");
                            }),
                            input(type("hidden"), name("op"), value("add")),
                            input(id("title"), name("title"), attr("placeholder", "What needs doing?"), attr("maxlength", "200"),
                                    attr("aria-label", "New todo"), attr("value", draft::get), on("input", e -> draft.set(e.value()))),
                            button(id("add-button"), type("submit"), text("Add"))),
                    show(() -> store.list().isEmpty(), () -> p(id("empty"), cls("empty"), text("Nothing to do."))),
                    ul(id("todos"), cls("todos"), each(store::list, Todo::id, this::row))));
        });
    }

    private Node row(Todo todo) {
        String id = String.valueOf(todo.id());
        return li(attr("data-id", id), classIf("done", todo::done),
                action("toggle", id, todo.done() ? "Undo" : "Done", () -> store.toggle(todo.id())),
                span(cls("title"), text(todo.title())),
                action("up", id, "↑", () -> store.move(todo.id(), -1)),
                action("down", id, "↓", () -> store.move(todo.id(), 1)),
                action("remove", id, "✕", () -> store.remove(todo.id())));
    }

    /** One button as a tiny form: it posts without JavaScript and runs {@code live} with it. */
    private static Node action(String op, String id, String label, Runnable live) {
        return form(cls("inline"), attr("method", "post"), attr("action", "/todos"), style("display", "inline"),
                input(type("hidden"), name("op"), value(op)),
                input(type("hidden"), name("id"), value(id)),
                button(cls(op, "quiet"), type("submit"), on("click", live).preventDefault(), attr("aria-label", op), text(label)));
    }

    /** The buttons without JavaScript. */
    public ActionResult post(PageRequest request) {
        int id;
        try {
            id = request.form("id").isEmpty() ? 0 : Integer.parseInt(request.form("id"));
        } catch (NumberFormatException e) {
            id = 0;
        }
        switch (request.form("op")) {
            case "add" -> store.add(request.form("title"));
            case "toggle" -> store.toggle(id);
            case "remove" -> store.remove(id);
            case "up" -> store.move(id, -1);
            case "down" -> store.move(id, 1);
            default -> {
                // an unknown operation changes nothing
            }
        }
        return ActionResult.redirect("/todos");
    }
}
