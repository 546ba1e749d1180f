package dev.aether.examples.showcase.web;

import static dev.aether.web.html.Html.*;
import static dev.aether.web.router.Links.link;

import dev.aether.examples.showcase.web.WebPages.CounterParams;
import dev.aether.reactive.SharedSignal;
import dev.aether.web.router.Action;
import dev.aether.web.router.Form;
import dev.aether.web.router.Level;
import dev.aether.web.router.NoParams;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Optional;

/**
 * A counter of this page's own, kept in its URL ({@code ?count=}), and one shared by every open
 * page (server push: a click in one tab updates all of them). Each button is a form with its
 * action declared once: live the click runs it over the live channel, without JavaScript the form
 * posts and the same handler answers.
 *
 * <pre>{@code
 * CounterPage counter = new CounterPage(Reactive.sharedSignal(0));
 * RouteTree.builder().page(counter.level())
 * }</pre>
 */
public final class CounterPage {
    /** A click on −1 or +1: the count shown and the step. */
    public record Step(int count, @Min(-1) @Max(1) int by) {
    }

    /** The page's own count moves by one: the page at the next count. */
    static final Action<Step> STEP = Action.of("step", Step.class,
            step -> Action.redirect(link(WebPages.COUNTER, new CounterParams(Optional.of(step.count() + step.by())))));

    private final SharedSignal<Integer> everyone;
    /** Everyone's count goes up by one: every open page shows it. */
    private final Action<NoParams> addForEveryone;

    public CounterPage(SharedSignal<Integer> everyone) {
        this.everyone = everyone;
        this.addForEveryone = Action.of("everyone", NoParams.class, none -> {
            everyone.update(n -> n + 1);
            return Action.done();
        });
    }

    Level<CounterParams> level() {
        return Level.page(WebPages.COUNTER, WebPages.title("/counter"), ctx -> {
            int count = ctx.params().count().orElse(0);
            Form<Step> step = ctx.form(STEP);
            Form<NoParams> all = ctx.form(addForEveryone);
            return section(
                    h1(text("Counter")),
                    p(cls("lead"), text("Each click runs a Java handler on the server, the same one with or without JavaScript.")),
                    div(cls("counts"),
                            step.render(cls("card"),
                                    input(type("hidden"), name("count"), value(String.valueOf(count))),
                                    span(cls("caption"), text("This page")),
                                    strong(id("count"), cls("count"), text(String.valueOf(count))),
                                    div(cls("actions"),
                                            button(id("dec"), cls("quiet"), type("submit"), name("by"), value("-1"), attr("aria-label", "minus one"), text("−1")),
                                            button(id("inc"), type("submit"), name("by"), value("1"), attr("aria-label", "plus one"), text("+1")))),
                            all.render(cls("card"),
                                    span(cls("caption"), text("Everyone (shared by every open page)")),
                                    strong(id("everyone"), cls("count"), text(everyone::get)),
                                    div(cls("actions"),
                                            button(id("everyone-inc"), type("submit"), text("+1 for everyone"))))));
        }).action(STEP).action(addForEveryone);
    }
}
