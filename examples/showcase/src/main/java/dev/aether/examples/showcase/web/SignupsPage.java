package dev.aether.examples.showcase.web;

import static dev.aether.web.component.Components.each;
import static dev.aether.web.component.Components.show;
import static dev.aether.web.html.Html.*;

import dev.aether.examples.showcase.User;
import dev.aether.examples.showcase.UserService;
import dev.aether.reactive.Reactive;
import dev.aether.reactive.SharedSignal;
import dev.aether.titan.event.EventBus;
import dev.aether.web.router.Level;
import dev.aether.web.router.NoParams;
import java.util.ArrayList;
import java.util.List;

/**
 * The latest sign-ups, live: every {@code user.created} event the users service emits (whoever
 * called it: curl, a Netron client, another page) appears at the top of every open page at once.
 * One bus listener feeds one shared signal; each page's list is bound to it.
 *
 * <pre>{@code
 * SignupsPage signups = SignupsPage.listeningTo(events);
 * RouteTree.builder().page(signups.level())
 * }</pre>
 */
public final class SignupsPage {
    /** How many sign-ups the page keeps. */
    static final int SHOWN = 20;

    private final SharedSignal<List<User>> latest;

    private SignupsPage(SharedSignal<List<User>> latest) {
        this.latest = latest;
    }

    /** A page fed by the {@link UserService#USER_CREATED} events of {@code events}. */
    public static SignupsPage listeningTo(EventBus events) {
        SignupsPage page = new SignupsPage(Reactive.sharedSignal(List.of()));
        events.subscribe(UserService.USER_CREATED, (event, args) -> {
            if (!args.isEmpty() && args.get(0) instanceof User user) {
                page.latest.update(users -> newestFirst(user, users));
            }
        });
        return page;
    }

    Level<NoParams> level() {
        return Level.page(WebPages.SIGNUPS, WebPages.title("/signups"), ctx -> section(
                h1(text("Sign-ups")),
                p(cls("lead"), text("Each user.created event from the users service appears here as it happens, on every open page.")),
                div(cls("card"),
                        ul(id("signups"), each(latest::get, User::id, user -> li(attr("data-id", String.valueOf(user.id())),
                                strong(text(user.name())), text(" "), span(cls("email"), text(user.email()))))),
                        show(() -> latest.get().isEmpty(), () -> p(id("no-signups"), cls("empty"), text("Nobody has signed up yet."))))));
    }

    private static List<User> newestFirst(User user, List<User> users) {
        List<User> next = new ArrayList<>(SHOWN);
        next.add(user);
        users.stream().limit(SHOWN - 1L).forEach(next::add);
        return List.copyOf(next);
    }
}
