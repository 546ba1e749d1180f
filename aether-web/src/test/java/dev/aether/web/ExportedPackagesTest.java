package dev.aether.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A page author sees the web API and nothing else: the compiled module descriptor exports exactly
 * these packages, to everyone. The live session machinery ({@code dev.aether.web.live}) is internal:
 * its socket is served on Jetty's websocket-core, so no Jetty lookup needs it exported.
 */
class ExportedPackagesTest {

    @Test
    void applicationsSeeOnlyThePageApiTheDslComponentsSsrAndTheRouter() throws Exception {
        assertThat(descriptor().exports()).allSatisfy(e -> assertThat(e.isQualified()).as("qualified export of %s", e.source()).isFalse())
                .extracting(ModuleDescriptor.Exports::source)
                .containsExactlyInAnyOrder("dev.aether.web", "dev.aether.web.component", "dev.aether.web.html", "dev.aether.web.router",
                        "dev.aether.web.ssr");
    }

    @Test
    void theLiveSessionMachineryIsExportedToNobody() throws Exception {
        assertThat(descriptor().exports()).extracting(ModuleDescriptor.Exports::source).doesNotContain("dev.aether.web.live");
    }

    /** The descriptor as compiled into aether-web's classes (its tests run on the class path, where no module is enforced). */
    private static ModuleDescriptor descriptor() throws Exception {
        Path classes = Path.of(AetherWeb.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return ModuleFinder.of(classes).find("dev.aether.web").orElseThrow().descriptor();
    }
}
