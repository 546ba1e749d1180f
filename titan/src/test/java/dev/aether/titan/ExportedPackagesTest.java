package dev.aether.titan;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Applications see titan's API and nothing else: the compiled module descriptor exports exactly
 * these packages. The WebSocket endpoint ({@code dev.aether.titan.ws}) is internal: it is served on
 * Jetty's websocket-core, so no Jetty lookup needs it exported.
 */
class ExportedPackagesTest {

    @Test
    void applicationsSeeOnlyTheServiceHostAndItsEventBus() throws Exception {
        assertThat(unqualifiedExports(descriptor())).containsExactlyInAnyOrder("dev.aether.titan", "dev.aether.titan.event");
    }

    @Test
    void theWebSocketEndpointIsExportedToNobodyNotEvenAetherWeb() throws Exception {
        assertThat(descriptor().exports()).extracting(ModuleDescriptor.Exports::source).doesNotContain("dev.aether.titan.ws");
    }

    @Test
    void onlyAetherWebReadsTheInternalsItShares() throws Exception {
        Map<String, Set<String>> qualified = descriptor().exports().stream().filter(ModuleDescriptor.Exports::isQualified)
                .collect(Collectors.toMap(ModuleDescriptor.Exports::source, ModuleDescriptor.Exports::targets));
        assertThat(qualified).isEqualTo(Map.of(
                "dev.aether.titan.http", Set.of("dev.aether.web"),
                "dev.aether.titan.inbound", Set.of("dev.aether.web"),
                "dev.aether.titan.log", Set.of("dev.aether.web"),
                "dev.aether.titan.transport", Set.of("dev.aether.web")));
    }

    /** The descriptor as compiled into titan's classes, whether the tests run on the module path or the class path. */
    private static ModuleDescriptor descriptor() throws Exception {
        Path classes = Path.of(Titan.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return ModuleFinder.of(classes).find("dev.aether.titan").orElseThrow().descriptor();
    }

    private static Set<String> unqualifiedExports(ModuleDescriptor descriptor) {
        return descriptor.exports().stream().filter(e -> !e.isQualified()).map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
    }
}
