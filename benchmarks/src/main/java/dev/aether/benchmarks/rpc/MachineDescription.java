package dev.aether.benchmarks.rpc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One line about where the numbers come from: processors, CPU model, JDK, OS.
 *
 * <pre>{@code
 * MachineDescription.current();   // "2 processors (AMD EPYC 7763), JDK 25 (Eclipse Adoptium), Linux amd64"
 * }</pre>
 */
final class MachineDescription {
    private MachineDescription() {
    }

    static String current() {
        return Runtime.getRuntime().availableProcessors() + " processors (" + cpuModel() + "), JDK "
                + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vendor") + "), "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch");
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst().orElse("unknown CPU");
        } catch (IOException | RuntimeException e) {
            return "unknown CPU";
        }
    }
}
