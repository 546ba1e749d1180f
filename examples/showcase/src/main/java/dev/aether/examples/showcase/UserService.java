package dev.aether.examples.showcase;

import dev.aether.netron.protocol.Public;
import dev.aether.netron.protocol.error.DomainException;
import dev.aether.netron.protocol.error.ValidationException;
import dev.aether.titan.Auth;
import dev.aether.titan.event.EventBus;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The users service Titan serves; Guice builds it with the {@link UserRepository} that
 * {@link UsersModule} binds.
 *
 * <pre>{@code
 * Titan.builder().modules(new UsersModule()).service(UserService.class).build();
 * }</pre>
 */
public final class UserService implements Users {
    /**
     * The in-memory store holds at most this many users: with names and e-mails capped, a
     * {@code list()} answer stays under half a megabyte whatever anonymous callers create.
     */
    public static final int MAX_USERS = 1_000;
    private static final int MAX_NAME_LENGTH = NewUser.MAX_NAME_LENGTH;
    // Deliberately loose: one @, something on each side, a dot in the domain.
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** Emitted with the new {@link User} after every successful {@link #create}; WebSocket peers may subscribe to it. */
    public static final String USER_CREATED = "user.created";

    private final UserRepository repository;
    private final EventBus events;

    @Inject
    public UserService(UserRepository repository, EventBus events) {
        this.repository = repository;
        this.events = events;
    }

    @Public
    @Override
    public List<User> list() {
        return repository.findAll();
    }

    @Public
    @Override
    public User get(long id) {
        return repository.findById(id)
                .orElseThrow(() -> new DomainException(404, "USER_NOT_FOUND", "No user with id " + id));
    }

    @Public
    @Override
    public User create(@Valid NewUser user) {
        if (user == null) {
            throw new ValidationException(400, "A user is required: {\"name\":..., \"email\":...}", Map.of());
        }
        String name = user.name() == null ? "" : user.name().strip();
        String email = user.email() == null ? "" : user.email().strip();
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            throw new ValidationException(422, "name is required (1 to " + MAX_NAME_LENGTH + " characters)", Map.of("field", "name"));
        }
        if (!EMAIL.matcher(email).matches()) {
            throw new ValidationException(422, "email is not a valid address", Map.of("field", "email"));
        }
        // Check-then-insert races only between two concurrent creates; fine for a demo store.
        if (repository.findByEmail(email).isPresent()) {
            throw new DomainException(409, "EMAIL_TAKEN", "A user with email " + email + " already exists");
        }
        if (repository.count() >= MAX_USERS) {
            throw new DomainException(409, "STORE_FULL", "The demo store holds at most " + MAX_USERS + " users: delete some first");
        }
        User created = repository.insert(name, email);
        events.emit(USER_CREATED, created);
        return created;
    }

    @Public
    @Auth(roles = "admin")
    @Override
    public boolean delete(long id) {
        return repository.remove(id);
    }
}
