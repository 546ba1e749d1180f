package dev.aether.examples.showcase;

import dev.aether.examples.showcase.web.StaticFiles;
import dev.aether.examples.showcase.web.TeamPage;
import dev.aether.examples.showcase.web.WebPages;
import dev.aether.titan.Titan;
import dev.aether.titan.event.EventBus;
import dev.aether.titan.event.InProcessEventBus;
import java.time.Duration;

/**
 * Assembles the example application's Titan: the calculator, the users service with its Guice
 * module, and the demo authenticator. {@link Showcase} starts it; tests start it on port 0.
 *
 * <pre>{@code
 * Titan titan = ShowcaseServer.create(ListenAddress.of("127.0.0.1", 0)).start();
 * Users users = titan.client().service(Users.class);
 * }</pre>
 */
public final class ShowcaseServer {
    private ShowcaseServer() {
    }

    /** The application's Titan, built but not started. */
    public static Titan create(ListenAddress address) {
        // Made here so that the sign-ups page can listen to it before Titan exists; UserService gets it injected.
        EventBus events = new InProcessEventBus();
        TeamPage team = new TeamPage();
        Titan titan = Titan.builder()
                .host(address.host())
                .port(address.port())
                .modules(new UsersModule())          // binds UserRepository for UserService's constructor
                .service(new CalculatorService())    // an instance
                .service(UserService.class)          // a class Guice builds
                .service(new PriceService(Duration.ofMillis(250)))   // a stream: prices.feed(symbol)
                .service(new TeamService(Duration.ofMillis(300)))    // the team page's data; adding takes 300 ms
                .authenticator(new DemoAuthenticator())
                .eventBus(events)                     // user.created: to WebSocket subscribers and the sign-ups page
                .mount(new StaticFiles())             // /showcase.css and the favicon, before the pages
                .mount(WebPages.create(events, team)) // the live pages: WebPages.PAGES
                .mount(team)                          // closes the team page's stream client when Titan stops
                .build();
        team.connect(titan);                      // the team page calls Titan's services
        return titan;
    }
}
