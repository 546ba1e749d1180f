package dev.aether.web.router;

import static dev.aether.web.html.Html.*;
import static org.assertj.core.api.Assertions.assertThat;


import dev.aether.titan.Principal;
import dev.aether.titan.testing.CapturedLog;
import dev.aether.web.Page;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Guards on a server-rendered GET, through a real Titan (Jetty) on a free port: a cancel is the
 * tree's cancelled page with 403, a redirect is its status and {@code Location}, a redirect off
 * the site is refused (a 500 with an error id), and nothing guarded loads before the guards allow.
 */
class GuardServerTest {
    @RegisterExtension
    final CapturedLog pageLog = CapturedLog.of("dev.aether.web.live.PageHandler");

    public record ReportParams(long id, Optional<String> next) {
    }

    static final Route<ReportParams> REPORT = Route.of("/admin/reports/:id", ReportParams.class);
    static final Route<NoParams> ADMIN = Route.of("/admin");
    static final AtomicInteger reportLoads = new AtomicInteger();
    static final Loader<ReportParams, String> REPORT_DATA = Loader.of("report", args -> "report #" + args.params().id() + " " + reportLoads.incrementAndGet());
    static final List<String> committed = new CopyOnWriteArrayList<>();

    static RunningSite site;

    @BeforeAll
    static void start() throws Exception {
        RouteTree tree = RouteTree.builder()
                .principal(request -> request.query("as").isEmpty() ? Optional.empty() : Optional.of(Principal.of(request.query("as"), request.query("as"))))
                .beforeEach(to -> to.path().startsWith("/admin") && to.principal().isEmpty()
                        ? GuardDecision.redirect("/login?next=" + to.path(), 303) : GuardDecision.allow())
                .afterEach(to -> committed.add(to.path()))
                .page(Level.page(Route.of("/login"), "Login", ctx -> p(attr("id", "login"), text("Please sign in"))))
                .page(Level.page(Route.of("/closed"), "Closed", ctx -> p(text("never shown"))).guard((params, to) -> GuardDecision.cancel()))
                .layout(Level.layout(ADMIN, (ctx, outlet) -> section(attr("id", "admin"), outlet))
                                .guard((params, to) -> to.principal().orElseThrow().roles().contains("admin") ? GuardDecision.allow() : GuardDecision.cancel()),
                        admin -> admin
                                .page(Level.page(ADMIN, "Admin", ctx -> p(text("admin home"))))
                                .page(Level.page(REPORT, "Report", ctx -> p(attr("id", "report"), text(ctx.data(REPORT_DATA))))
                                        .loader(REPORT_DATA)
                                        .guard((report, to) -> report.next().isPresent()
                                                ? GuardDecision.redirect(report.next().get(), 307)   // user input: only a path on this site is taken
                                                : GuardDecision.allow())))
                .cancelledPage(request -> Page.of("Forbidden", () -> p(attr("id", "forbidden"), text("No entry to " + request.path()))))
                .build();
        site = RunningSite.of(tree);
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void anAllowedNavigationRendersThePageAndRunsTheAfterHooksOnce() throws Exception {
        int loads = reportLoads.get();
        HttpResponse<String> response = site.get("/admin/reports/7?as=admin");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<section id=\"admin\">").contains("<p id=\"report\">report #7 " + (loads + 1) + "</p>");
        assertThat(committed.stream().filter("/admin/reports/7"::equals)).hasSize(1);
    }

    @Test
    void aGlobalGuardsRedirectAnswersWithItsStatusAndLocationAndLoadsNothing() throws Exception {
        int loads = reportLoads.get();
        HttpResponse<String> response = site.get("/admin/reports/7");

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/login?next=/admin/reports/7");
        assertThat(reportLoads.get()).as("the report loader did not run").isEqualTo(loads);
    }

    @Test
    void aLayoutGuardsCancelIsTheTreesCancelledPageWith403ForEveryPageInside() throws Exception {
        int loads = reportLoads.get();
        HttpResponse<String> report = site.get("/admin/reports/7?as=guest");
        HttpResponse<String> home = site.get("/admin?as=guest");

        assertThat(report.statusCode()).isEqualTo(403);
        assertThat(report.body()).contains("<title>Forbidden</title>").contains("<p id=\"forbidden\">No entry to /admin/reports/7</p>");
        assertThat(home.statusCode()).isEqualTo(403);
        assertThat(reportLoads.get()).isEqualTo(loads);
        assertThat(committed).doesNotContain("/admin");
    }

    @Test
    void aPageGuardsRedirectTakesItsStatus() throws Exception {
        HttpResponse<String> response = site.get("/admin/reports/7?as=admin&next=/admin");

        assertThat(response.statusCode()).isEqualTo(307);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/admin");
    }

    @Test
    void aRedirectOffTheSiteIsRefusedAsA500WithAnErrorIdNotFollowed() throws Exception {
        for (String offSite : List.of("https://evil.example/", "//evil.example/", "/%5Cevil.example")) {
            HttpResponse<String> response = site.get("/admin/reports/7?as=admin&next=" + offSite.replace("/%5C", "%2F%5C"));

            assertThat(response.statusCode()).as(offSite).isEqualTo(500);
            assertThat(response.headers().firstValue("Location")).isEmpty();
            assertThat(response.body()).containsPattern("error id [0-9a-f-]{36}").doesNotContain("evil.example");
        }
        assertThat(pageLog.take(ch.qos.logback.classic.Level.ERROR)).hasSize(3)
                .allSatisfy(e -> assertThat(e.getThrowableProxy().getMessage()).contains("open redirect is refused"));
    }

    @Test
    void aCancelWithoutAConfiguredPageIsTheDefault403() throws Exception {
        RouteTree tree = RouteTree.builder()
                .page(Level.page(Route.of("/closed"), "Closed", ctx -> p(text("never shown"))).guard((params, to) -> GuardDecision.cancel()))
                .build();
        try (RunningSite other = RunningSite.of(tree)) {
            HttpResponse<String> response = other.get("/closed");
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).contains("<title>Not allowed</title>").doesNotContain("never shown");
        }
    }
}
