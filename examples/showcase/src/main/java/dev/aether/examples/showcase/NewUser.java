package dev.aether.examples.showcase;

import jakarta.validation.constraints.Size;

/**
 * The input of {@link Users#create}: a user without an id; {@code {"name":"Grace","email":"grace@example.com"}}.
 * The sizes are Bean Validation constraints, which Titan checks before {@link UserService#create}
 * runs (422 with the violations): a caller cannot store a 4 MiB "e-mail".
 *
 * <pre>{@code
 * User grace = users.create(new NewUser("Grace Hopper", "grace@example.com"));
 * }</pre>
 *
 * @param name  required, at most 100 characters
 * @param email required, must look like an e-mail address, at most 254 characters (RFC 5321's limit)
 */
public record NewUser(@Size(max = NewUser.MAX_NAME_LENGTH) String name, @Size(max = NewUser.MAX_EMAIL_LENGTH) String email) {
    public static final int MAX_NAME_LENGTH = 100;
    public static final int MAX_EMAIL_LENGTH = 254;
}
