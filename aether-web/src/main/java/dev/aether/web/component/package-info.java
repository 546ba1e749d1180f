/**
 * Components and control flow: a {@link dev.aether.web.component.Component} is a function from
 * props to nodes with its own reactive scope; {@link dev.aether.web.component.Components} (one
 * static import, beside {@code Html.*}) adds {@code component}, {@code show}, {@code each},
 * {@code when}, {@code suspense} and error boundaries, each rendering a region a live page can
 * replace on its own. {@link dev.aether.web.component.Context} passes values down the tree.
 *
 * <pre>{@code
 * import static dev.aether.web.component.Components.*;
 * import static dev.aether.web.html.Html.*;
 *
 * Node list = ul(each(todos::get, Todo::id, todo -> li(text(todo.title()))));
 * Node banner = show(() -> todos.get().isEmpty(), () -> p(text("Nothing to do")));
 * }</pre>
 */
package dev.aether.web.component;
