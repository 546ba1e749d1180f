package dev.aether.web.router;

/**
 * The params of a route that has none: {@code /}, {@code /about}.
 *
 * <pre>{@code
 * static final Route<NoParams> ABOUT = Route.of("/about");
 * link(ABOUT, NoParams.NONE)   // "/about"
 * }</pre>
 */
public record NoParams() {
    public static final NoParams NONE = new NoParams();
}
