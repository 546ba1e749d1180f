package dev.aether.web.router;

import java.util.Objects;

/**
 * Fetches the data a route level needs, before it renders. Declared once as a constant and put on
 * a level ({@link Level#loader}); the same constant is the typed key the view reads the result by
 * ({@link RouteContext#data}). On a GET the loaders of every matched level run in parallel, each
 * on its own virtual thread, so blocking calls (a database, a Netron client) are fine.
 *
 * <pre>{@code
 * static final Loader<UserParams, User> USER = Loader.of("user", args -> users.find(args.params().id()));
 *
 * Level.page(USER_ROUTE, "User", ctx -> h1(text(ctx.data(USER).name()))).loader(USER)
 * }</pre>
 *
 * @param <P> the params record of the level it is on
 * @param <T> what it loads
 */
public final class Loader<P extends Record, T> {
    /** The work: may block, may throw (the level's nearest error boundary shows the failure). */
    @FunctionalInterface
    public interface Load<P extends Record, T> {
        T load(LoaderArgs<P> args) throws Exception;
    }

    private final String name;
    private final Load<P, T> load;

    private Loader(String name, Load<P, T> load) {
        this.name = Objects.requireNonNull(name, "name");
        this.load = Objects.requireNonNull(load, "load");
    }

    /** A loader; {@code name} appears in errors and logs. */
    public static <P extends Record, T> Loader<P, T> of(String name, Load<P, T> load) {
        return new Loader<>(name, load);
    }

    public String name() {
        return name;
    }

    T run(LoaderArgs<P> args) throws Exception {
        return load.load(args);
    }

    @Override
    public String toString() {
        return "Loader[" + name + "]";
    }
}
