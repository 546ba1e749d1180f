package dev.aether.state.store;

import com.google.inject.AbstractModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Makes the application's {@link Stores} and chosen stores injectable with Guice: a class that
 * needs a store asks for its type and gets the instance of the current scope (the current
 * principal's, or the current session's) at the moment the provider runs.
 *
 * <pre>{@code
 * Stores stores = Stores.create(() -> currentUser());
 * Injector injector = Guice.createInjector(StateModule.of(stores).store(Cart.class, CART));
 * Cart cart = injector.getInstance(Cart.class);     // stores.use(CART)
 * }</pre>
 */
public final class StateModule extends AbstractModule {
    private final Stores stores;
    private final List<Binding<?>> bindings;

    private record Binding<T>(Class<T> type, StoreDefinition<T> store) {
    }

    private StateModule(Stores stores, List<Binding<?>> bindings) {
        this.stores = stores;
        this.bindings = List.copyOf(bindings);
    }

    /** Binds {@code stores}. */
    public static StateModule of(Stores stores) {
        return new StateModule(Objects.requireNonNull(stores, "stores"), List.of());
    }

    /** This module, also binding {@code type} to the current scope's instance of {@code store}. */
    public <T> StateModule store(Class<T> type, StoreDefinition<T> store) {
        List<Binding<?>> more = new ArrayList<>(bindings);
        more.add(new Binding<>(Objects.requireNonNull(type, "type"), Objects.requireNonNull(store, "store")));
        return new StateModule(stores, more);
    }

    @Override
    protected void configure() {
        bind(Stores.class).toInstance(stores);
        bindings.forEach(this::bindStore);
    }

    private <T> void bindStore(Binding<T> binding) {
        bind(binding.type()).toProvider(() -> stores.use(binding.store()));
    }
}
