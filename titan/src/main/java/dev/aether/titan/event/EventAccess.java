package dev.aether.titan.event;

import dev.aether.titan.Principal;
import dev.aether.titan.service.AccessRule;
import java.util.Set;

/**
 * Who may subscribe to an event, declared when the application registers it. Roles are any-of,
 * permissions all-of, as for {@link dev.aether.titan.Auth}; a refusal is the same 401/403 a
 * method call gets (details {@code missingRoles} or {@code missingPermissions}).
 *
 * <pre>{@code
 * Titan.builder().event("user.created", EventAccess.roles("admin"))
 *               .event("price.tick", EventAccess.open());
 * }</pre>
 *
 * @param requiresAuthentication whether an anonymous peer is refused (401)
 * @param roles         any one of these roles is needed (none: no role check)
 * @param permissions   all of these permissions are needed
 */
public record EventAccess(boolean requiresAuthentication, Set<String> roles, Set<String> permissions) {
    public EventAccess {
        roles = Set.copyOf(roles);
        permissions = Set.copyOf(permissions);
    }

    /** Anyone may subscribe (unless the server is default-deny, then any authenticated peer). */
    public static EventAccess open() {
        return new EventAccess(false, Set.of(), Set.of());
    }

    /** Any authenticated peer. */
    public static EventAccess authenticatedOnly() {
        return new EventAccess(true, Set.of(), Set.of());
    }

    /** A peer with any one of {@code roles}. */
    public static EventAccess roles(String... roles) {
        return new EventAccess(true, Set.of(roles), Set.of());
    }

    /** A peer with all of {@code permissions}. */
    public static EventAccess permissions(String... permissions) {
        return new EventAccess(true, Set.of(), Set.of(permissions));
    }

    /** Throws 401 or 403 unless {@code principal} (null: anonymous) may subscribe. */
    void check(Principal principal, boolean defaultDeny) {
        new AccessRule(requiresAuthentication, false, roles, permissions, Set.of()).check(principal, defaultDeny, null, null);
    }
}
