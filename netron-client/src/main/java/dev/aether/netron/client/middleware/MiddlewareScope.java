package dev.aether.netron.client.middleware;

import dev.aether.netron.client.call.Call;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which calls a middleware sees: every call, the calls to some services, or some methods of a
 * service. Names are glob patterns ({@code *} any run of characters, {@code ?} one); a service
 * pattern without {@code @} matches the service name whatever the version.
 *
 * <pre>{@code
 * MiddlewareScope.everyCall();
 * MiddlewareScope.services("users", "billing*");
 * MiddlewareScope.methods("users", "find*", "list");
 * }</pre>
 *
 * @param services service patterns (empty: any service)
 * @param methods  method patterns (empty: any method)
 */
public record MiddlewareScope(List<Pattern> services, List<Pattern> methods) {
    private static final MiddlewareScope EVERY_CALL = new MiddlewareScope(List.of(), List.of());

    public MiddlewareScope {
        services = List.copyOf(services);
        methods = List.copyOf(methods);
    }

    /** Every call of the client. */
    public static MiddlewareScope everyCall() {
        return EVERY_CALL;
    }

    /** Calls to the services matching any of {@code patterns}. */
    public static MiddlewareScope services(String... patterns) {
        return new MiddlewareScope(globs(patterns), List.of());
    }

    /** Calls of the methods matching any of {@code methodPatterns} on the services matching {@code servicePattern}. */
    public static MiddlewareScope methods(String servicePattern, String... methodPatterns) {
        return new MiddlewareScope(globs(servicePattern), globs(methodPatterns));
    }

    /** Whether {@code call} is in scope. */
    public boolean includes(Call call) {
        return includes(call.service(), call.method());
    }

    boolean includes(String service, String method) {
        String name = service.contains("@") ? service.substring(0, service.indexOf('@')) : service;
        boolean serviceMatches = services.isEmpty() || services.stream().anyMatch(pattern ->
                pattern.matcher(pattern.pattern().contains("@") ? service : name).matches());
        return serviceMatches && (methods.isEmpty() || methods.stream().anyMatch(pattern -> pattern.matcher(method).matches()));
    }

    private static List<Pattern> globs(String... globs) {
        return Arrays.stream(globs).map(MiddlewareScope::glob).toList();
    }

    /** {@code *} and {@code ?} as wildcards, everything else literal. */
    private static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                if (!literal.isEmpty()) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString());
    }
}
