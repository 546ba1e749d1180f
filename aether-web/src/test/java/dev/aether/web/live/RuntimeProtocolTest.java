package dev.aether.web.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aether.web.protocol.LiveProtocol;
import dev.aether.web.ssr.Ssr;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The runtime ({@code aether.js}) and {@link LiveProtocol} hold the same protocol values. The
 * runtime keeps them in one object written as JSON between {@code /* PROTOCOL: *}{@code /} and
 * {@code /* :PROTOCOL *}{@code /}, keyed as the Java is: {@code "Close": {"SESSION_GONE": 4404}}
 * for {@code LiveProtocol.Close.SESSION_GONE}. Every public constant of every nested class is
 * compared, so a constant added in Java without its runtime counterpart fails here, unless it is
 * one of the few {@link #SERVER_ONLY} constants the runtime never reads. Those stay out of the
 * runtime to keep it within its gzipped budget ({@code RuntimeSizeTest}); the runtime must still
 * not write their values as literals, and the Suspense swap script ({@code swap.js}), which runs
 * without the runtime, must use theirs.
 */
class RuntimeProtocolTest {
    private static final String BEGIN = "/* PROTOCOL: */", END = "/* :PROTOCOL */";
    private static final String RUNTIME = read(RuntimeScript.class, RuntimeScript.RESOURCE);
    private static final String SWAP = read(Ssr.class, "swap.js");
    private static final String ROUTER = read(RuntimeScript.class, RuntimeScript.ROUTER_RESOURCE);
    /** The group only the router's runtime ({@code aether-router.js}) reads: its constants are checked against that file. */
    private static final String ROUTER_GROUP = "Router", RUNTIME_EVENTS_GROUP = "RuntimeEvents";

    /**
     * Constants only the server (and {@code swap.js}) use: where the runtime is served and which
     * paths are reserved, the standard close code the runtime treats as any other drop, the
     * Suspense chunk and portal attributes, the CSRF and action fields of posted forms, and the kinds of the regions the
     * runtime finds by their whole marker name ({@code "s3"}) without reading the kind; and the
     * persist part's constants, which {@code persist.js} holds instead ({@code PersistRuntimeProtocolTest}).
     */
    static final Set<String> SERVER_ONLY = Set.of(
            "Paths.RUNTIME", "Paths.RESERVED_PREFIX", "Close.GOING_AWAY", "Paths.PERSIST_RUNTIME",
            "Persist.LOCAL", "Persist.SESSION", "Persist.STORAGE_ATTRIBUTE", "Persist.KEY_ATTRIBUTE", "Persist.DEBOUNCE_ATTRIBUTE",
            "Persist.KEY_PREFIX", "Persist.RESTORE_EVENT", "Persist.MAX_CHARS", "Persist.REVEAL_AFTER_MILLIS", "Markup.PART_SETTINGS",
            "Markup.CHUNK", "Markup.PORTAL", "Markup.CSRF_FIELD", "Markup.ACTION_FIELD", "Markup.SWAP_FUNCTION",
            "Markup.SUSPENSE_MARKER", "Markup.PORTAL_MARKER", "Markup.BOUNDARY_MARKER",
            "Markup.SHOW_MARKER", "Markup.SWITCH_MARKER", "Markup.DYNAMIC_MARKER", "Paths.ROUTER_RUNTIME");

    @Test
    void everyLiveProtocolConstantHasTheSameValueInTheRuntime() throws IOException {
        assertSameValues(runtimeProtocol(RUNTIME), coreProtocol());
    }

    @Test
    void everyRouterConstantHasTheSameValueInTheRouterRuntime() throws IOException {
        assertSameValues(runtimeProtocol(ROUTER), routerProtocol());
    }

    @Test
    void theRouterRuntimeHoldsExactlyTheRouterConstantsAndTheCoresDomEvents() throws IOException {
        assertThat(keysOf(runtimeProtocol(ROUTER))).isEqualTo(routerProtocol().keySet());
    }

    @Test
    void theRouterRuntimeWritesNoProtocolValueOutsideItsConstants() {
        assertThat(literalsIn(ROUTER)).as("protocol values written as literals instead of PROTOCOL's names").isEmpty();
    }

    /** The constants the core runtime holds: all but the server-only ones and the router's. */
    private static Map<String, Object> coreProtocol() {
        Map<String, Object> java = javaProtocol();
        java.keySet().removeAll(SERVER_ONLY);
        java.keySet().removeIf(key -> key.startsWith(ROUTER_GROUP + "."));
        return java;
    }

    /** The router's constants, and the core's DOM events it listens to. */
    private static Map<String, Object> routerProtocol() {
        Map<String, Object> java = javaProtocol();
        java.keySet().removeIf(key -> !key.startsWith(ROUTER_GROUP + ".") && !key.startsWith(RUNTIME_EVENTS_GROUP + "."));
        return new java.util.TreeMap<>(java);
    }

    private static Set<String> keysOf(JsonNode protocol) {
        Set<String> keys = new TreeSet<>();
        protocol.fields().forEachRemaining(group -> group.getValue().fieldNames().forEachRemaining(name -> keys.add(group.getKey() + "." + name)));
        return keys;
    }

    private static void assertSameValues(JsonNode runtime, Map<String, Object> java) {
        List<String> different = new ArrayList<>();
        java.forEach((key, value) -> {
            String[] at = key.split("\\.");
            JsonNode node = runtime.path(at[0]).get(at[1]);
            Object inRuntime = node == null ? "(missing)" : node.isInt() ? (Object) node.intValue() : node.isTextual() ? node.textValue() : node.toString();
            if (!value.equals(inRuntime)) {
                different.add(key + ": Java " + value + ", runtime " + inRuntime);
            }
        });
        assertThat(different).as("LiveProtocol constants the runtime's PROTOCOL does not match").isEmpty();
    }

    @Test
    void theRuntimeHoldsNoProtocolValueThatLiveProtocolLacks() throws IOException {
        assertThat(keysOf(runtimeProtocol(RUNTIME))).isEqualTo(new TreeSet<>(coreProtocol().keySet()));
    }

    @Test
    void everyServerOnlyConstantExistsInLiveProtocol() {
        assertThat(javaProtocol().keySet()).containsAll(SERVER_ONLY);
    }

    @Test
    void theSwapScriptUsesLiveProtocolsChunkAttributeSuspenseMarkerAndFunctionName() {
        String marker = LiveProtocol.Markup.MARKER_PREFIX + LiveProtocol.Markup.SUSPENSE_MARKER;
        assertThat(SWAP)
                .contains("function " + LiveProtocol.Markup.SWAP_FUNCTION + "(")
                .contains("template[" + LiveProtocol.Markup.CHUNK + "=")
                .contains("'" + marker + "'")
                .contains("'/" + marker + "'");
    }

    @Test
    void theRuntimeWritesNoProtocolValueOutsideItsConstants() {
        assertThat(literalsIn(RUNTIME)).as("protocol values written as literals instead of PROTOCOL's names").isEmpty();
    }

    private static List<String> literalsIn(String script) {
        String rest = withoutComments(script.substring(script.indexOf(END) + END.length()));
        List<String> literals = new ArrayList<>();
        javaProtocol().forEach((key, value) -> {
            // one-letter values (the ops, "s", "t") are too common in code to search for
            boolean found = value instanceof Integer code
                    ? Pattern.compile("(?<![\\w.])" + code + "(?![\\w.])").matcher(rest).find()
                    : value.toString().length() > 1 && (rest.contains("\"" + value + "\"") || rest.contains("'" + value + "'"));
            if (found) {
                literals.add(key + " = " + value);
            }
        });
        return literals;
    }

    /** "Group.NAME" → value, for every public static final field of LiveProtocol's nested classes. */
    private static Map<String, Object> javaProtocol() {
        Map<String, Object> constants = new LinkedHashMap<>();
        for (Class<?> group : LiveProtocol.class.getDeclaredClasses()) {
            for (Field f : group.getDeclaredFields()) {
                int m = f.getModifiers();
                if (Modifier.isPublic(m) && Modifier.isStatic(m) && Modifier.isFinal(m)) {
                    try {
                        constants.put(group.getSimpleName() + "." + f.getName(), f.get(null));
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        assertThat(constants).as("LiveProtocol's constants").isNotEmpty();
        return constants;
    }

    private static JsonNode runtimeProtocol(String script) throws IOException {
        int begin = script.indexOf(BEGIN), end = script.indexOf(END);
        assertThat(begin).as("the runtime's " + BEGIN + " marker").isNotNegative();
        assertThat(end).as("the runtime's " + END + " marker, after " + BEGIN).isGreaterThan(begin);
        return new ObjectMapper().readTree(script.substring(begin + BEGIN.length(), end));
    }

    private static String withoutComments(String js) {
        return js.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$|\\s// .*$", "");
    }

    private static String read(Class<?> beside, String resource) {
        try (InputStream in = beside.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
