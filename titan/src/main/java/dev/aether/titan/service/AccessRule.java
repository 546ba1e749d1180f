package dev.aether.titan.service;

import dev.aether.netron.protocol.error.AuthException;
import dev.aether.netron.protocol.error.PermissionException;
import dev.aether.titan.Auth;
import dev.aether.titan.Principal;
import java.util.Map;
import java.util.Set;

/**
 * Who may reach one member, from its {@link Auth} annotation (or its class's).
 *
 * @param declared whether an {@code @Auth} applies at all (otherwise default-deny decides)
 */
public record AccessRule(boolean declared, boolean allowAnonymous, Set<String> roles, Set<String> permissions, Set<String> scopes) {
    static final AccessRule NONE = new AccessRule(false, false, Set.of(), Set.of(), Set.of());
    private static final String SUPERADMIN = "superadmin";

    static AccessRule of(Auth member, Auth type) {
        Auth auth = member != null ? member : type;
        if (auth == null) {
            return NONE;
        }
        return new AccessRule(true, auth.allowAnonymous(), Set.of(auth.roles()), Set.of(auth.permissions()), Set.of(auth.scopes()));
    }

    /** Whether {@code principal} (null: anonymous) passes. */
    public boolean permits(Principal principal, boolean defaultDeny) {
        return denial(principal, defaultDeny) == null;
    }

    /** Throws 401 or 403 unless {@code principal} passes. */
    public void check(Principal principal, boolean defaultDeny) {
        RuntimeException denial = denial(principal, defaultDeny);
        if (denial != null) {
            throw denial;
        }
    }

    private RuntimeException denial(Principal principal, boolean defaultDeny) {
        if (allowAnonymous || (!declared && !defaultDeny)) {
            return null;
        }
        if (principal == null) {
            return new AuthException("Authentication required", Map.of());
        }
        if (principal.roles().contains(SUPERADMIN)) {
            return null;
        }
        if (!roles.isEmpty() && roles.stream().noneMatch(principal.roles()::contains)) {
            return new PermissionException("Access denied: requires one of roles " + roles, Map.of("requiredRoles", roles));
        }
        if (!principal.permissions().containsAll(permissions)) {
            return new PermissionException("Access denied: requires permissions " + permissions, Map.of("requiredPermissions", permissions));
        }
        if (!principal.scopes().containsAll(scopes)) {
            return new PermissionException("Access denied: requires scopes " + scopes, Map.of("requiredScopes", scopes));
        }
        return null;
    }
}
