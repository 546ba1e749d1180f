package dev.aether.examples.showcase;

/**
 * The input of {@link Users#create}: a user without an id; {@code {"name":"Grace","email":"grace@example.com"}}.
 *
 * <pre>{@code
 * User grace = users.create(new NewUser("Grace Hopper", "grace@example.com"));
 * }</pre>
 *
 * @param name  required, at most 100 characters
 * @param email required, must look like an e-mail address
 */
public record NewUser(String name, String email) {
}
