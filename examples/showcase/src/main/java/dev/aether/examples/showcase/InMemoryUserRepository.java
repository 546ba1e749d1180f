package dev.aether.examples.showcase;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A thread-safe in-memory {@link UserRepository}, seeded with two demo users (ids 1 and 2) so the
 * README's curl lines have something to find. Everything is lost on restart.
 *
 * <pre>{@code
 * UserRepository repository = new InMemoryUserRepository();
 * repository.findById(1);   // Ada Lovelace
 * }</pre>
 */
public final class InMemoryUserRepository implements UserRepository {
    // Sorted by id, so list() is stable for callers and tests.
    private final ConcurrentSkipListMap<Long, User> users = new ConcurrentSkipListMap<>();
    private final AtomicLong nextId = new AtomicLong(1);

    public InMemoryUserRepository() {
        insert("Ada Lovelace", "ada@example.com");
        insert("Alan Turing", "alan@example.com");
    }

    @Override
    public List<User> findAll() {
        return new ArrayList<>(users.values());
    }

    @Override
    public Optional<User> findById(long id) {
        return Optional.ofNullable(users.get(id));
    }

    @Override
    public Optional<User> findByEmail(String email) {
        return users.values().stream().filter(u -> u.email().equalsIgnoreCase(email)).findFirst();
    }

    @Override
    public int count() {
        return users.size();
    }

    @Override
    public User insert(String name, String email) {
        User user = new User(nextId.getAndIncrement(), name, email);
        users.put(user.id(), user);
        return user;
    }

    @Override
    public boolean remove(long id) {
        return users.remove(id) != null;
    }
}
