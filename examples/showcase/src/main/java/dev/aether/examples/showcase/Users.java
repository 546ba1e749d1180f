package dev.aether.examples.showcase;

import dev.aether.netron.protocol.Service;
import java.util.List;

/**
 * The users service's contract.
 *
 * <pre>{@code
 * Users users = client.service(Users.class);
 * users.list();                                              // the demo users, by id
 * users.get(42);                                             // DomainException 404 USER_NOT_FOUND
 * users.create(new NewUser("Grace", "grace@example.com"));   // the stored user, with its id
 * users.delete(2);                                           // 401 anonymous, 403 without the admin role
 * }</pre>
 */
@Service("users@1.0.0")
public interface Users {
    /** Every user, ordered by id. */
    List<User> list();

    /** The user {@code id}; 404 ({@code USER_NOT_FOUND}) when there is none. */
    User get(long id);

    /**
     * Stores a new user; 422 when the name or e-mail is missing, invalid or too long (at most 100 and
     * 254 characters), 409 when the e-mail is taken ({@code EMAIL_TAKEN}) or the store is full
     * ({@code STORE_FULL}, at most {@link UserService#MAX_USERS} users).
     */
    User create(NewUser user);

    /** Deletes the user {@code id} (admins only); false when there was none. */
    boolean delete(long id);
}
