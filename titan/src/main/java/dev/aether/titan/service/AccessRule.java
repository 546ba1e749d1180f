package dev.aether.titan.service;

import dev.aether.netron.protocol.error.AuthException;
import dev.aether.netron.protocol.error.PermissionException;
import dev.aether.titan.Auth;
import dev.aether.titan.Principal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who may reach one member, from its {@link Auth} annotation (or its class's).
 *
 * <p>A denial carries the reference's details (netron-wire.md §8): {@code {service, method}}
 * for 401, plus {@code missingRoles}, {@code missingPermissions} or {@code missingScopes} as a
 * plain list for 403, so that it reads as a JSON array over HTTP and a MessagePack array (not a
 * Set extension) over WebSocket.
 *
 * <pre>{@code
 * rule.check(caller.principal(), defaultDeny, "vault@1.0.0", "open");
 * // 403 "Missing required role", details {service: "vault@1.0.0", method: "open", missingRoles: ["admin"]}
 * }</pre>
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
        return denial(principal, defaultDeny, null, null) == null;
    }

    /**
     * Throws 401 or 403 unless {@code principal} passes.
     *
     * @param service the qualified service name, for the error's details
     * @param member  the method or property name, for the error's details
     */
    public void check(Principal principal, boolean defaultDeny, String service, String member) {
        RuntimeException denial = denial(principal, defaultDeny, service, member);
        if (denial != null) {
            throw denial;
        }
    }

    private RuntimeException denial(Principal principal, boolean defaultDeny, String service, String member) {
        if (allowAnonymous || (!declared && !defaultDeny)) {
            return null;
        }
        if (principal == null) {
            return new AuthException("Authentication required", target(service, member));
        }
        if (principal.roles().contains(SUPERADMIN)) {
            return null;
        }
        if (!roles.isEmpty() && roles.stream().noneMatch(principal.roles()::contains)) {
            // Any one role would do, so every one of them is missing.
            return forbidden("Missing required role", service, member, "missingRoles", missing(roles, principal.roles()));
        }
        List<String> missingPermissions = missing(permissions, principal.permissions());
        if (!missingPermissions.isEmpty()) {
            return forbidden("Missing required permissions", service, member, "missingPermissions", missingPermissions);
        }
        List<String> missingScopes = missing(scopes, principal.scopes());
        if (!missingScopes.isEmpty()) {
            return forbidden("Missing required scopes", service, member, "missingScopes", missingScopes);
        }
        return null;
    }

    private static PermissionException forbidden(String message, String service, String member, String key, List<String> missing) {
        Map<String, Object> details = new LinkedHashMap<>(target(service, member));
        details.put(key, missing);
        return new PermissionException(message + ": " + String.join(", ", missing), details);
    }

    private static Map<String, Object> target(String service, String member) {
        Map<String, Object> details = new LinkedHashMap<>();
        if (service != null) {
            details.put("service", service);
        }
        if (member != null) {
            details.put("method", member);
        }
        return details;
    }

    // Sorted: Set.of has no order, and the same denial should read the same every time.
    private static List<String> missing(Collection<String> required, Set<String> held) {
        return required.stream().filter(r -> !held.contains(r)).sorted().toList();
    }
}
