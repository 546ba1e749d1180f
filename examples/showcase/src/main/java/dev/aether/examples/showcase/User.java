package dev.aether.examples.showcase;

/**
 * A user as the users service returns it; travels as {@code {"id":1,"name":"Ada","email":"ada@example.com"}}.
 *
 * <pre>{@code
 * User ada = new User(1, "Ada Lovelace", "ada@example.com");
 * }</pre>
 *
 * @param id    assigned by the store
 * @param name  a display name
 * @param email a unique e-mail address
 */
public record User(long id, String name, String email) {
}
