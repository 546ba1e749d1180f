package dev.aether.web.live;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The runtime parts a live page asked for while its shell rendered, each with the settings its
 * tag carries to the browser (JSON values, in render order): the persist part gets one per value
 * the page keeps in browser storage, so that it can act before the page's first paint. Written
 * by the rendering thread, read by the thread writing the response.
 *
 * <pre>{@code
 * parts.require(LiveProtocol.Paths.PERSIST_RUNTIME, "[\"local\",\"team.sort\",\"{...}\"]");
 * parts.settings(LiveProtocol.Paths.PERSIST_RUNTIME);   // → that one entry
 * }</pre>
 */
final class RuntimeParts {
    private final Map<String, List<String>> settings = new ConcurrentHashMap<>();

    /** The page needs the part served at {@code path}. */
    void require(String path) {
        settings.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>());
    }

    /** The page needs the part at {@code path}, and its tag carries {@code setting} (JSON). */
    void require(String path, String setting) {
        settings.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(setting);
    }

    Set<String> paths() {
        return Set.copyOf(settings.keySet());
    }

    /** The settings of the part at {@code path}, in render order (empty when none or not required). */
    List<String> settings(String path) {
        return List.copyOf(settings.getOrDefault(path, List.of()));
    }
}
