package dev.aether.examples.showcase;

import dev.aether.netron.protocol.Public;
import dev.aether.netron.protocol.error.DomainException;
import dev.aether.netron.protocol.error.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The teams, in memory. DEMO ONLY: the owner is an argument, trusted as given (the team page
 * passes its signed-in visitor's id); a real service would take it from the caller's principal.
 * Adding takes {@code addDelay}, so the team page's optimistic row can be seen before the answer;
 * the name "Mallory" is always refused, so its rollback can be seen too.
 *
 * <pre>{@code
 * Titan.builder().service(new TeamService(Duration.ofMillis(300)));
 * }</pre>
 */
public final class TeamService implements Team {
    /** At most this many members per team and this many teams, so anonymous callers cannot fill the heap. */
    public static final int MAX_MEMBERS = 100, MAX_TEAMS = 1_000;
    private static final int MAX_NAME_LENGTH = 40;

    private final Duration addDelay;
    private final Map<String, List<Member>> teams = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    public TeamService(Duration addDelay) {
        this.addDelay = addDelay;
    }

    @Public
    @Override
    public List<Member> members(String owner) {
        List<Member> team = teams.get(String.valueOf(owner));
        if (team == null) {
            return List.of();
        }
        synchronized (team) {
            return List.copyOf(team);
        }
    }

    @Public
    @Override
    public Member add(String owner, String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > MAX_NAME_LENGTH) {
            throw new ValidationException(422, "a name has 1 to " + MAX_NAME_LENGTH + " characters", Map.of("field", "name"));
        }
        try {
            Thread.sleep(addDelay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DomainException(503, "INTERRUPTED", "the add was interrupted");
        }
        if (n.toLowerCase(Locale.ROOT).equals("mallory")) {
            throw new DomainException(409, "NAME_REFUSED", n + " is not welcome on any team");
        }
        if (!teams.containsKey(String.valueOf(owner)) && teams.size() >= MAX_TEAMS) {
            throw new DomainException(409, "STORE_FULL", "the demo holds at most " + MAX_TEAMS + " teams");
        }
        List<Member> team = teams.computeIfAbsent(String.valueOf(owner), o -> new ArrayList<>());
        synchronized (team) {
            if (team.size() >= MAX_MEMBERS) {
                throw new DomainException(409, "TEAM_FULL", "a team has at most " + MAX_MEMBERS + " members");
            }
            Member member = new Member(ids.incrementAndGet(), n);
            team.add(member);
            return member;
        }
    }
}
