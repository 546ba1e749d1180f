package dev.aether.web.router;

import static dev.aether.web.html.Html.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.netron.client.NetronClient;
import dev.aether.titan.Titan;
import dev.aether.titan.fixtures.Calculator;
import dev.aether.titan.fixtures.CalculatorService;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Loaders that call a service: one Titan serves the calculator service, another serves the
 * pages, and the route tree's loaders reach the first over real HTTP with the typed Netron
 * client the tree was given.
 */
class LoaderClientServerTest {
    public record SumParams(int a, int b) {
    }

    static final Route<SumParams> SUM_PAGE = Route.of("/sum/:a/:b", SumParams.class);
    static final Loader<SumParams, Integer> SUM = Loader.of("sum",
            args -> args.client().service(Calculator.class).add(args.params().a(), args.params().b()));
    static final Loader<SumParams, Deferred<Integer>> DOUBLED_LATER = Loader.of("doubled", args -> args.defer("doubled",
            () -> args.client().service(Calculator.class).add(args.params().a() + args.params().b(), args.params().a() + args.params().b())));

    static Titan services;
    static NetronClient client;
    static RunningSite site;

    @BeforeAll
    static void start() throws Exception {
        services = Titan.builder().port(0).service(new CalculatorService()).build().start();
        client = NetronClient.http(services.httpUri());
        RouteTree tree = RouteTree.builder()
                .client(client)
                .page(Level.page(SUM_PAGE, "Sum", ctx -> div(
                                p(attr("id", "sum"), text(ctx.params().a() + " + " + ctx.params().b() + " = " + ctx.data(SUM))),
                                ctx.await(DOUBLED_LATER, doubled -> p(attr("id", "doubled"), text("doubled: " + doubled)), () -> p(text("…")))))
                        .loader(SUM).loader(DOUBLED_LATER))
                .build();
        site = RunningSite.of(tree);
    }

    @AfterAll
    static void stop() throws Exception {
        site.close();
        client.close();
        services.stop();
    }

    @Test
    void aLoaderCallsAServiceOverHttpAndThePageShowsItsAnswer() throws Exception {
        HttpResponse<String> response = site.get("/sum/3/4");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<p id=\"sum\">3 + 4 = 7</p>").contains("<p id=\"doubled\">doubled: 14</p>");
    }

    @Test
    void onALiveNavigationTheLoadersCallTheServiceTooAndTheDeferredAnswerPatchesIn() throws Exception {
        try (LiveChannel page = site.live("/sum/3/4")) {
            var patches = page.navigate("push", "/sum/5/6");
            assertThat(patches.toString()).contains("5 + 6 = 11");

            // the deferred call may have answered before the navigation did (then it is in the same patch), else it patches in after
            String seen = patches.toString().contains("doubled: 22") ? patches.toString() : page.until(p -> p.toString().contains("doubled: 22")).toString();
            assertThat(seen).contains("<p id=\\\"doubled\\\">doubled: 22</p>");
        }
    }
}
