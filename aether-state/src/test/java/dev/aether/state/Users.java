package dev.aether.state;

import dev.aether.netron.protocol.Service;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The contract the state tests call on a real Titan; {@link UserService} counts and holds calls. */
@Service("users@1.0.0")
public interface Users {
    List<User> list();

    User find(long id);

    CompletableFuture<User> findAsync(long id);

    /** Adds a user, emits {@code user.created}; answers the user. */
    User create(String name);

    /** Renames user {@code id}; answers the user. */
    User rename(long id, String name);

    /** Fails with 503 as often as {@link UserService#failNext(int)} said, then answers the list. */
    List<User> flakyList();

    /** Waits until the test releases it; answers the list as it was when called. */
    List<User> heldList();

    /** The user at {@code cursor}, one per page. */
    UserPage page(int cursor);

    /** Always fails with 409. */
    User refuse(String name);
}
