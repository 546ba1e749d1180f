package dev.aether.titan.datalayer;

import dev.aether.netron.protocol.Service;
import java.util.concurrent.CompletableFuture;

/** The contract the data-layer tests call: a mutation to count, a fast read, a slow read, a cacheable read. */
@Service("ledger@1.0.0")
public interface Ledger {
    /** Adds {@code amount} and returns the new balance: running it twice is visible. */
    int deposit(int amount);

    /** Returns {@code value} at once. */
    CompletableFuture<String> echo(String value);

    /** Returns {@code value} after {@code millis}. */
    CompletableFuture<String> slowEcho(String value, long millis);

    /** A {@code @Cacheable} read of the balance. */
    int balance();
}
