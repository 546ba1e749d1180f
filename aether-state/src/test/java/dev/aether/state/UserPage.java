package dev.aether.state;

import java.util.List;

/** One page of users and the cursor of the next (null after the last). */
public record UserPage(List<User> users, Integer next, Integer previous) {
}
