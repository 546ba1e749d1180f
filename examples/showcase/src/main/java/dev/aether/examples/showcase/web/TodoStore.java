package dev.aether.examples.showcase.web;

import dev.aether.reactive.Reactive;
import dev.aether.reactive.SharedSignal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The todo list, shared by every page that shows it: each change is one atomic update of a
 * {@link SharedSignal}, and every live page showing the list gets the patch.
 *
 * <pre>{@code
 * TodoStore todos = new TodoStore();
 * todos.add("write the docs");
 * todos.list();   // [Todo[id=1, title=write the docs, done=false]]
 * }</pre>
 */
public final class TodoStore {
    static final int MAX_TITLE = 200;
    private final SharedSignal<List<Todo>> items = Reactive.sharedSignal(List.of());
    private final AtomicInteger ids = new AtomicInteger();

    /** The list now; tracked when read in a live binding. */
    public List<Todo> list() {
        return items.get();
    }

    /** The list now, untracked, from any thread. */
    public List<Todo> snapshot() {
        return items.peek();
    }

    /** Adds an item; a blank title is ignored, a long one cut to 200 characters. */
    public void add(String title) {
        String t = title.strip();
        if (t.isEmpty()) {
            return;
        }
        Todo todo = new Todo(ids.incrementAndGet(), t.length() > MAX_TITLE ? t.substring(0, MAX_TITLE) : t, false);
        change(list -> list.add(todo));
    }

    public void toggle(int id) {
        change(list -> list.replaceAll(t -> t.id() == id ? new Todo(t.id(), t.title(), !t.done()) : t));
    }

    public void remove(int id) {
        change(list -> list.removeIf(t -> t.id() == id));
    }

    /** Moves item {@code id} by {@code by} places (−1 up, +1 down), within the list. */
    public void move(int id, int by) {
        change(list -> {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).id() == id) {
                    int to = Math.max(0, Math.min(list.size() - 1, i + by));
                    list.add(to, list.remove(i));
                    return;
                }
            }
        });
    }

    private void change(java.util.function.Consumer<List<Todo>> edit) {
        items.update(current -> {
            List<Todo> next = new ArrayList<>(current);
            edit.accept(next);
            return List.copyOf(next);
        });
    }
}
