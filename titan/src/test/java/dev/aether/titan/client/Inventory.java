package dev.aether.titan.client;

import dev.aether.netron.protocol.Service;

/** The contract the data-layer tests call; {@link InventoryService} injects the faults. */
@Service("inventory@1.0.0")
public interface Inventory {
    /** The stock of {@code item}. */
    int stock(String item);

    /** Sets the stock of {@code item}; returns it. */
    int restock(String item, int amount);

    /** Fails with 503 as many times as {@link InventoryService#failNextCalls(int)} said, then answers how many calls it saw. */
    int flaky();

    /** Answers after {@code millis}. */
    int slow(long millis);

    /** Waits until the test releases it (or the connection drops); answers the amount. */
    int restockWhenReleased(String item, int amount);

    /** Needs an authenticated caller. */
    String whoAmI();
}
