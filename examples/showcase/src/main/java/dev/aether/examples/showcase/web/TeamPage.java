package dev.aether.examples.showcase.web;

import static dev.aether.web.component.Components.each;
import static dev.aether.web.component.Components.show;
import static dev.aether.web.component.Components.suspense;
import static dev.aether.web.html.Html.*;

import dev.aether.examples.showcase.Member;
import dev.aether.examples.showcase.Price;
import dev.aether.examples.showcase.Prices;
import dev.aether.examples.showcase.Team;
import dev.aether.netron.client.NetronClient;
import dev.aether.netron.client.cache.Invalidation;
import dev.aether.reactive.Reactive;
import dev.aether.reactive.Signal;
import dev.aether.state.AetherState;
import dev.aether.state.LiveStream;
import dev.aether.state.StreamOptions;
import dev.aether.state.Mutation;
import dev.aether.state.MutationOptions;
import dev.aether.state.Query;
import dev.aether.state.QueryOptions;
import dev.aether.state.web.LiveState;
import dev.aether.titan.Mount;
import dev.aether.titan.Principal;
import dev.aether.titan.Titan;
import dev.aether.titan.TitanSettings;
import dev.aether.web.BrowserStorage;
import dev.aether.web.LivePage;
import dev.aether.web.router.Level;
import dev.aether.web.router.NoParams;
import dev.aether.web.html.Node;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;

/**
 * Aether state on a live page: the visitor's team is a query over the team service (fetched once
 * while the page streams, shared by the visitor's other tabs), adding a member is a mutation whose
 * row shows at once and goes again if the service refuses it, a price is a stream shown with its
 * status (closed when the page is left), and the sort order is a preference kept in the
 * browser's localStorage. Sign in by setting the {@code aether_demo} cookie to a
 * {@link dev.aether.examples.showcase.DemoAuthenticator} token; without it the team is the
 * anonymous visitors' one.
 *
 * <p>Queries and mutations call Titan in-process; the stream goes over Netron's WebSocket (the
 * in-process client does not carry streams), opened at the first page and closed with Titan: the
 * page is mounted for that ({@link #stop()}), and adds no handler.
 *
 * <pre>{@code
 * TeamPage team = new TeamPage();
 * RouteTree.builder().layout(Layout.level(), site -> site.page(team.level()));
 * Titan titan = Titan.builder().mount(web).mount(team).build();
 * team.connect(titan);
 * }</pre>
 */
public final class TeamPage implements Mount {
    /** The cookie naming the visitor: a demo token. */
    public static final String COOKIE = "aether_demo";

    /** How the team is listed; the visitor's choice is kept in localStorage. */
    public enum Sort { NAME, NEWEST }

    private final AtomicLong optimisticIds = new AtomicLong();
    private volatile AetherState state;
    private volatile Titan titan;
    private NetronClient streamClient;   // guarded by this

    /** The page calls {@code titan}'s services: in-process, and over its WebSocket for the stream. */
    public void connect(Titan titan) {
        this.titan = titan;
        this.state = AetherState.create(titan.client());
    }

    /** The stream's state, over a WebSocket client opened at the first page (Titan is listening by then). */
    private synchronized AetherState streams() {
        if (streamClient == null) {
            streamClient = NetronClient.websocket(titan.webSocketUri());
        }
        return state.withClient(streamClient);
    }

    @Override
    public Handler wrap(Server server, Handler next, TitanSettings settings) {
        return next;
    }

    /** Titan stops: the stream's client is closed. */
    @Override
    public synchronized void stop() {
        if (streamClient != null) {
            streamClient.close();
            streamClient = null;
        }
    }

    /** The page, inside the showcase's root layout. */
    Level<NoParams> level() {
        return Level.page(WebPages.TEAM, WebPages.title("/team"), ctx -> {
            AetherState app = Objects.requireNonNull(state, "TeamPage.connect(titan) was not called");
            AetherState visitor = LiveState.forVisitor(app);
            String owner = LivePage.principal().map(Principal::id).orElse("anonymous");
            String tag = "team:" + owner;   // this visitor's entries only: another visitor's list never sees the row
            Query<List<Member>> members = visitor.query(Team.class, t -> t.members(owner),
                    QueryOptions.<List<Member>>defaults().tags(tag));
            Mutation<String, Member> add = visitor.mutation(Team.class, (t, name) -> t.add(owner, name),
                    MutationOptions.<String, Member>defaults()
                            .optimistic(Invalidation.tags(tag), (List<Member> old, String name) -> with(old, name))
                            .invalidates(tag));
            LiveStream<Price> acme = streams().stream(Prices.class, prices -> prices.feed("ACME"), StreamOptions.latest());
            Signal<Sort> sort = Reactive.signal(Sort.NAME);
            Signal<String> draft = Reactive.signal("");
            return section(
                    h1(text("Team")),
                    p(cls("lead"), text("A query, a mutation with an optimistic row, and a preference kept in your browser.")),
                    p(id("who"), text("Team of " + owner)),
                    BrowserStorage.local().persist(sort, "showcase.team.sort", Sort.class),
                    div(cls("card"), form(id("add"), cls("bar"),
                            on("submit", e -> {
                                add.mutate(e.field("name"));
                                draft.set("");
                            }),
                            input(id("name"), name("name"), attr("placeholder", "Name"), attr("maxlength", "40"), attr("aria-label", "Name"),
                                    attr("value", draft::get), on("input", e -> draft.set(e.value()))),
                            button(id("add-button"), type("submit"), text("Add"))),
                            p(id("add-error"), cls("error"), text(() -> add.error().get() == null ? "" : "Not added: " + add.error().get().getMessage()))),
                    div(cls("bar"), span(text("Sort: ")),
                            button(id("sort-name"), classIf("active", () -> sort.get() == Sort.NAME), on("click", () -> sort.set(Sort.NAME)), text("By name")),
                            button(id("sort-newest"), classIf("active", () -> sort.get() == Sort.NEWEST), on("click", () -> sort.set(Sort.NEWEST)),
                                    text("Newest first"))),
                    suspense(() -> p(id("loading"), text("Loading the team…")), () -> div(
                            show(() -> LiveState.await(members).isEmpty(), () -> p(id("empty"), cls("empty"), text("Nobody yet."))),
                            ul(id("members"), each(() -> sorted(LiveState.await(members), sort.get()), Member::id, TeamPage::row)))),
                    div(cls("card"), h2(text("The team's stock")),
                            p(span(text("ACME ")), strong(id("price"), text(() -> acme.latest().get() == null ? "–" : priceText(acme.latest().get()))),
                                    span(text(" · ")), span(id("price-status"), text(() -> acme.status().get().name().toLowerCase(Locale.ROOT))))));
        });
    }

    private static String priceText(Price p) {
        return String.format(Locale.ROOT, "%.2f", p.price());
    }

    private static Node row(Member m) {
        return li(attr("data-id", String.valueOf(m.id())), classIf("pending", m::pending), text(m.name()));
    }

    /** The list with {@code name} added as an optimistic row (a negative id: not stored yet). */
    private List<Member> with(List<Member> old, String name) {
        List<Member> next = new ArrayList<>(old == null ? List.of() : old);
        next.add(new Member(-optimisticIds.incrementAndGet(), name == null ? "" : name.strip()));
        return next;
    }

    private static List<Member> sorted(List<Member> members, Sort sort) {
        Comparator<Member> order = sort == Sort.NAME
                ? Comparator.comparing(Member::name, String.CASE_INSENSITIVE_ORDER).thenComparingLong(Member::id)
                : Comparator.comparing(Member::pending).reversed().thenComparing(Comparator.comparingLong(Member::id).reversed());
        return members.stream().sorted(order).toList();
    }
}
