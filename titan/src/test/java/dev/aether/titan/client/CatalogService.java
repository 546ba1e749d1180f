package dev.aether.titan.client;

import dev.aether.netron.protocol.Public;
import dev.aether.titan.Cacheable;
import java.util.concurrent.atomic.AtomicInteger;

/** The catalog the cache tests run against: each answer is the number of calls so far, so a served cache entry is visible. */
public final class CatalogService implements Catalog {
    /** The maxAge the server's cache hints say, in ms. */
    public static final long MAX_AGE_MILLIS = 60_000;

    private final AtomicInteger calls = new AtomicInteger();

    /** How many calls reached the service. */
    public int calls() {
        return calls.get();
    }

    @Public
    @Cacheable(maxAge = MAX_AGE_MILLIS, tags = "users")
    @Override
    public int users() {
        return calls.incrementAndGet();
    }
}
