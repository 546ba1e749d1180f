package dev.aether.examples.showcase;

import dev.aether.netron.protocol.Service;
import java.util.List;

/**
 * The team service's contract: each owner (a signed-in user's id) has a team of their own.
 *
 * <pre>{@code
 * Team team = client.service(Team.class);
 * team.add("admin", "Grace");      // the stored member, with its id
 * team.members("admin");           // admin's team, in the order added
 * team.add("admin", "Mallory");    // 409 NAME_REFUSED: the demo refuses this name
 * }</pre>
 */
@Service("team@1.0.0")
public interface Team {
    /** The members of {@code owner}'s team, in the order they were added. */
    List<Member> members(String owner);

    /** Adds {@code name} to {@code owner}'s team; 422 for a blank or too long name, 409 for a refused one. */
    Member add(String owner, String name);
}
