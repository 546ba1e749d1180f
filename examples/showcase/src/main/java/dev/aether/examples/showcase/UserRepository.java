package dev.aether.examples.showcase;

import java.util.List;
import java.util.Optional;

/**
 * Where users are kept. {@link UsersModule} binds it, so {@link UserService} does not know (or
 * care) that the demo keeps them in memory.
 *
 * <pre>{@code
 * User ada = repository.insert("Ada", "ada@example.com");
 * repository.findById(ada.id());   // Optional[User[id=1, ...]]
 * }</pre>
 */
public interface UserRepository {
    List<User> findAll();

    Optional<User> findById(long id);

    Optional<User> findByEmail(String email);

    /** How many users are stored. */
    int count();

    /** Stores a user under the next id and returns it. */
    User insert(String name, String email);

    /** True if there was a user {@code id}. */
    boolean remove(long id);
}
