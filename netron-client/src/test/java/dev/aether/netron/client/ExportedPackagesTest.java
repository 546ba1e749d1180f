package dev.aether.netron.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Applications see the client and the parts they compose into it; the recording proxy behind
 * fluent calls ({@code dev.aether.netron.client.recording}) is shared with aether-state alone.
 */
class ExportedPackagesTest {

    @Test
    void applicationsSeeTheClientItsTransportsItsInterceptorsFluentCallsAndEvents() throws Exception {
        assertThat(unqualifiedExports(descriptor())).containsExactlyInAnyOrder("dev.aether.netron.client",
                "dev.aether.netron.client.auth", "dev.aether.netron.client.breaker", "dev.aether.netron.client.cache",
                "dev.aether.netron.client.call", "dev.aether.netron.client.dedupe", "dev.aether.netron.client.event",
                "dev.aether.netron.client.fluent", "dev.aether.netron.client.http", "dev.aether.netron.client.middleware",
                "dev.aether.netron.client.priority", "dev.aether.netron.client.retry", "dev.aether.netron.client.ws");
    }

    @Test
    void onlyAetherStateReadsTheRecordingProxy() throws Exception {
        Map<String, Set<String>> qualified = descriptor().exports().stream().filter(ModuleDescriptor.Exports::isQualified)
                .collect(Collectors.toMap(ModuleDescriptor.Exports::source, ModuleDescriptor.Exports::targets));
        assertThat(qualified).isEqualTo(Map.of("dev.aether.netron.client.recording", Set.of("dev.aether.state")));
    }

    /** The descriptor as compiled into netron-client's classes, whether the tests run on the module path or the class path. */
    private static ModuleDescriptor descriptor() throws Exception {
        Path classes = Path.of(NetronClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return ModuleFinder.of(classes).find("dev.aether.netron.client").orElseThrow().descriptor();
    }

    private static Set<String> unqualifiedExports(ModuleDescriptor descriptor) {
        return descriptor.exports().stream().filter(e -> !e.isQualified()).map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
    }
}
