package dev.aether.web.router;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A path pattern whose params, and search params, are the components of a Java record. Built
 * once, as a constant, and checked then: every pattern param needs a component of the same name;
 * every other component is a search param (read from the query string). Links are built from the
 * record ({@link Links#link}), and a URL is read back into it ({@link #parse}); a value that does
 * not convert (letters for an {@code int}, an unknown enum constant) makes the URL match nothing,
 * so the router answers 404, not 500.
 *
 * <p>Component types: {@code String}, {@code int}/{@code Integer}, {@code long}/{@code Long},
 * {@code boolean}/{@code Boolean}, enums (lower case in URLs). A {@code :param?} or {@code *rest?}
 * is an {@code Optional} of one of these; a catch-all is a {@code String} (its segments joined
 * with {@code /}). A search param is an {@code Optional} of one of these, or a {@code boolean}
 * (absent is {@code false}). The record must be public in a package the
 * {@code dev.aether.web} module can read (exported or open to it).
 *
 * <pre>{@code
 * public record UserParams(long id, Optional<Tab> tab) {}        // id from the path, tab from ?tab=
 * public static final Route<UserParams> USER = Route.of("/users/:id", UserParams.class);
 *
 * USER.link(new UserParams(42, Optional.of(Tab.POSTS)))        // "/users/42?tab=posts"
 * USER.parse(Map.of("id", "42"), Map.of("tab", List.of("posts")))   // Optional[UserParams[id=42, tab=Optional[POSTS]]]
 * }</pre>
 *
 * @param <P> the params record
 */
public final class Route<P extends Record> {
    /** How one record component is read and written. */
    private record Component(String name, Class<?> valueType, boolean inPath, boolean optional, boolean flag) {
    }

    private final PathPattern pattern;
    private final Class<P> paramsType;
    private final List<Component> components;
    private final Constructor<P> constructor;
    private final RecordComponent[] recordComponents;

    private Route(PathPattern pattern, Class<P> paramsType) {
        this.pattern = pattern;
        this.paramsType = paramsType;
        this.recordComponents = paramsType.getRecordComponents();
        this.components = check(pattern, paramsType, recordComponents);
        Class<?>[] types = new Class<?>[recordComponents.length];
        for (int i = 0; i < types.length; i++) {
            types[i] = recordComponents[i].getType();
        }
        try {
            this.constructor = paramsType.getDeclaredConstructor(types);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("a record always has its canonical constructor: " + paramsType.getName(), e);
        }
    }

    /** The route of {@code pattern} with params {@code paramsType}; a mismatch between them is an {@link IllegalArgumentException}. */
    public static <P extends Record> Route<P> of(String pattern, Class<P> paramsType) {
        Objects.requireNonNull(paramsType, "paramsType");
        if (!paramsType.isRecord()) {
            throw new IllegalArgumentException(paramsType.getName() + " is not a record");
        }
        return new Route<>(PathPattern.parse(pattern), paramsType);
    }

    /** A route without params. */
    public static Route<NoParams> of(String pattern) {
        return of(pattern, NoParams.class);
    }

    public PathPattern pattern() {
        return pattern;
    }

    public Class<P> paramsType() {
        return paramsType;
    }

    /**
     * The URL for {@code params}. A value that cannot be a path segment (empty, {@code .},
     * {@code ..}, {@code null}, or containing {@code /}, which Jetty refuses as an ambiguous
     * {@code %2F}) is an {@link IllegalArgumentException}: the link would lead nowhere.
     */
    public String link(P params) {
        Objects.requireNonNull(params, "params");
        StringBuilder url = new StringBuilder();
        for (PathPattern.Segment segment : pattern.segments()) {
            switch (segment) {
                case PathPattern.Segment.Static s -> url.append('/').append(encodeSegment(s.text(), s.text()));
                case PathPattern.Segment.Param p -> url.append('/').append(encodeSegment(p.name(), text(params, p.name())));
                case PathPattern.Segment.OptionalParam p -> optionalText(params, p.name())
                        .ifPresent(v -> url.append('/').append(encodeSegment(p.name(), v)));
                case PathPattern.Segment.CatchAll c -> appendCatchAll(url, c.name(), text(params, c.name()));
                case PathPattern.Segment.OptionalCatchAll c -> optionalText(params, c.name())
                        .ifPresent(v -> appendCatchAll(url, c.name(), v));
            }
        }
        if (url.isEmpty()) {
            url.append('/');
        }
        char separator = '?';
        for (Component c : components) {
            if (c.inPath()) {
                continue;
            }
            Optional<String> value = c.flag() ? (Boolean.TRUE.equals(value(params, c.name())) ? Optional.of("true") : Optional.empty())
                    : optionalText(params, c.name());
            if (value.isPresent()) {
                url.append(separator).append(URLEncoder.encode(c.name(), StandardCharsets.UTF_8))
                        .append('=').append(URLEncoder.encode(value.get(), StandardCharsets.UTF_8));
                separator = '&';
            }
        }
        return url.toString();
    }

    /**
     * The params record for a URL this route's pattern matched: {@code pathParams} as
     * {@link PathPattern#match} gives them (decoded), {@code query} the decoded query parameters.
     * Empty when a value does not convert, or the record's constructor refuses it.
     */
    public Optional<P> parse(Map<String, String> pathParams, Map<String, List<String>> query) {
        Object[] args = new Object[components.size()];
        try {
            for (int i = 0; i < args.length; i++) {
                Component c = components.get(i);
                String text = c.inPath() ? pathParams.get(c.name()) : first(query.get(c.name()));
                if (c.flag()) {
                    args[i] = text != null && (boolean) ParamCodec.parse(boolean.class, text);
                } else if (c.optional()) {
                    args[i] = text == null ? Optional.empty() : Optional.of(ParamCodec.parse(c.valueType(), text));
                } else if (text == null) {
                    return Optional.empty();
                } else {
                    args[i] = ParamCodec.parse(c.valueType(), text);
                }
            }
        } catch (IllegalArgumentException badValue) {
            return Optional.empty();
        }
        try {
            return Optional.of(constructor.newInstance(args));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException) {
                return Optional.empty();   // the record's own validation refused the value: no such page
            }
            throw new IllegalStateException("constructing " + paramsType.getSimpleName() + " failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(paramsType.getName() + " must be public, in a package the dev.aether.web module can read", e);
        }
    }

    @Override
    public String toString() {
        return "Route[" + pattern + " -> " + paramsType.getSimpleName() + "]";
    }

    private static List<Component> check(PathPattern pattern, Class<?> type, RecordComponent[] recordComponents) {
        Set<String> names = new HashSet<>();
        for (RecordComponent rc : recordComponents) {
            names.add(rc.getName());
        }
        for (String param : pattern.paramNames()) {   // first: a renamed component shows up here, named plainly
            if (!names.contains(param)) {
                throw new IllegalArgumentException("route " + pattern + ": param " + param + " has no component in "
                        + type.getSimpleName() + names.stream().sorted().toList() + "; add one named " + param);
            }
        }
        List<Component> components = new ArrayList<>();
        for (RecordComponent rc : recordComponents) {
            components.add(component(pattern, type, rc));
        }
        return List.copyOf(components);
    }

    private static Component component(PathPattern pattern, Class<?> type, RecordComponent rc) {
        String where = "route " + pattern + ": " + type.getSimpleName() + "." + rc.getName();
        boolean inPath = pattern.paramNames().contains(rc.getName());
        Class<?> optionalOf = optionalOf(rc.getGenericType());
        if (inPath && pattern.isOptional(rc.getName())) {
            if (optionalOf == null) {
                throw new IllegalArgumentException(where + " is optional in the pattern, so it must be an Optional, not " + rc.getGenericType().getTypeName());
            }
            if (pattern.isCatchAll(rc.getName()) && optionalOf != String.class) {
                throw new IllegalArgumentException(where + " is a catch-all: it must be an Optional<String> (its segments joined with /)");
            }
            return supported(where, new Component(rc.getName(), optionalOf, true, true, false));
        }
        if (inPath) {
            if (optionalOf != null || !ParamCodec.supports(rc.getType())) {
                throw new IllegalArgumentException(where + " is required in the pattern: it must be String, int, long, boolean or an enum, not "
                        + rc.getGenericType().getTypeName() + " (write :" + rc.getName() + "? for an optional one)");
            }
            if (pattern.isCatchAll(rc.getName()) && rc.getType() != String.class) {
                throw new IllegalArgumentException(where + " is a catch-all: it must be a String (its segments joined with /)");
            }
            return new Component(rc.getName(), rc.getType(), true, false, false);
        }
        if (rc.getType() == boolean.class) {
            return new Component(rc.getName(), boolean.class, false, false, true);
        }
        if (optionalOf == null) {
            throw new IllegalArgumentException(where + " is not in the pattern, so it is a search param: it must be an Optional or a boolean, not "
                    + rc.getGenericType().getTypeName() + " (or add :" + rc.getName() + " to the pattern)");
        }
        return supported(where, new Component(rc.getName(), optionalOf, false, true, false));
    }

    private static Component supported(String where, Component c) {
        if (!ParamCodec.supports(c.valueType())) {
            throw new IllegalArgumentException(where + ": Optional<" + c.valueType().getSimpleName()
                    + "> is not a param type (String, Integer, Long, Boolean or an enum)");
        }
        return c;
    }

    private static Class<?> optionalOf(Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() == Optional.class && p.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        return type == Optional.class ? Object.class : null;
    }

    private Object value(P params, String name) {
        for (RecordComponent rc : recordComponents) {
            if (rc.getName().equals(name)) {
                try {
                    return rc.getAccessor().invoke(params);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(paramsType.getName() + " must be public, in a package the dev.aether.web module can read", e);
                }
            }
        }
        throw new IllegalStateException("no component " + name);
    }

    private String text(P params, String name) {
        Object value = value(params, name);
        if (value == null) {
            throw new IllegalArgumentException("link to " + pattern + ": " + name + " is null");
        }
        return ParamCodec.format(value);
    }

    private Optional<String> optionalText(P params, String name) {
        Object value = value(params, name);
        if (!(value instanceof Optional<?> optional)) {
            throw new IllegalArgumentException("link to " + pattern + ": " + name + " is null (use Optional.empty())");
        }
        return optional.map(ParamCodec::format);
    }

    private void appendCatchAll(StringBuilder url, String name, String value) {
        for (String segment : value.split("/", -1)) {
            url.append('/').append(encodeSegment(name, segment));
        }
    }

    private String encodeSegment(String name, String value) {
        if (value.isEmpty() || value.equals(".") || value.equals("..")) {
            throw new IllegalArgumentException("link to " + pattern + ": " + name + " = \"" + value + "\" cannot be a path segment");
        }
        if (value.indexOf('/') >= 0) {   // only reachable for a :param: a catch-all was split on / already
            throw new IllegalArgumentException("link to " + pattern + ": " + name + " = \"" + value
                    + "\" contains /, which servers refuse inside a segment (as %2F); make it a catch-all, *" + name);
        }
        return RequestPath.encodeSegment(value);
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
