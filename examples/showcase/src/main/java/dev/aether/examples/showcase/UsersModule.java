package dev.aether.examples.showcase;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;

/**
 * The Guice wiring of the users feature: one shared in-memory store. A real application would
 * bind a database-backed {@link UserRepository} here and leave {@link UserService} untouched.
 *
 * <pre>{@code
 * Titan.builder().modules(new UsersModule()).service(UserService.class);
 * }</pre>
 */
public final class UsersModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(UserRepository.class).to(InMemoryUserRepository.class).in(Singleton.class);
    }
}
