package dev.aether.titan.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aether.netron.protocol.error.AuthException;
import dev.aether.netron.protocol.error.PermissionException;
import dev.aether.titan.Principal;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who passes a member's rule: 401 without a principal, 403 with the wrong one. */
class AccessRuleTest {

    private static AccessRule rule(Set<String> roles, Set<String> permissions, Set<String> scopes) {
        return new AccessRule(true, false, roles, permissions, scopes);
    }

    private static Principal principal(Set<String> roles, Set<String> permissions, Set<String> scopes) {
        return new Principal("u-1", roles, permissions, scopes, Map.of());
    }

    @Test
    void withoutARuleAnyoneMayCallUnlessDefaultDeny() {
        assertThat(AccessRule.NONE.permits(null, false)).isTrue();
        assertThat(AccessRule.NONE.permits(null, true)).isFalse();
        assertThat(AccessRule.NONE.permits(principal(Set.of(), Set.of(), Set.of()), true)).isTrue();
    }

    @Test
    void allowAnonymousAdmitsAnonymousCallersEvenUnderDefaultDeny() {
        AccessRule open = new AccessRule(true, true, Set.of("admin"), Set.of(), Set.of());
        assertThat(open.permits(null, true)).isTrue();
    }

    @Test
    void aDeclaredRuleRejectsAnonymousCallersWith401() {
        assertThatThrownBy(() -> rule(Set.of(), Set.of(), Set.of()).check(null, false, "svc", "m"))
                .isInstanceOfSatisfying(AuthException.class, e -> assertThat(e.code()).isEqualTo(401));
    }

    @Test
    void aDeclaredRuleWithNoRequirementsAdmitsAnyPrincipal() {
        assertThatCode(() -> rule(Set.of(), Set.of(), Set.of()).check(principal(Set.of(), Set.of(), Set.of()), false, "svc", "m"))
                .doesNotThrowAnyException();
    }

    @Test
    void rolesAreAnyOf() {
        AccessRule rule = rule(Set.of("admin", "editor"), Set.of(), Set.of());
        assertThat(rule.permits(principal(Set.of("editor"), Set.of(), Set.of()), false)).isTrue();
        assertThatThrownBy(() -> rule.check(principal(Set.of("viewer"), Set.of(), Set.of()), false, "svc", "m"))
                .isInstanceOfSatisfying(PermissionException.class, e -> assertThat(e.code()).isEqualTo(403));
    }

    @Test
    void permissionsAreAllOf() {
        AccessRule rule = rule(Set.of(), Set.of("read", "write"), Set.of());
        assertThat(rule.permits(principal(Set.of(), Set.of("read", "write", "delete"), Set.of()), false)).isTrue();
        assertThatThrownBy(() -> rule.check(principal(Set.of(), Set.of("read"), Set.of()), false, "svc", "m"))
                .isInstanceOfSatisfying(PermissionException.class, e -> assertThat(e.code()).isEqualTo(403));
    }

    @Test
    void scopesAreAllOf() {
        AccessRule rule = rule(Set.of(), Set.of(), Set.of("a", "b"));
        assertThat(rule.permits(principal(Set.of(), Set.of(), Set.of("a", "b")), false)).isTrue();
        assertThatThrownBy(() -> rule.check(principal(Set.of(), Set.of(), Set.of("a")), false, "svc", "m"))
                .isInstanceOfSatisfying(PermissionException.class, e -> assertThat(e.code()).isEqualTo(403));
    }

    @Test
    void everyKindOfRequirementMustBeMet() {
        AccessRule rule = rule(Set.of("admin"), Set.of("write"), Set.of("api"));
        assertThat(rule.permits(principal(Set.of("admin"), Set.of("write"), Set.of("api")), false)).isTrue();
        assertThat(rule.permits(principal(Set.of("admin"), Set.of(), Set.of("api")), false)).isFalse();
        assertThat(rule.permits(principal(Set.of("admin"), Set.of("write"), Set.of()), false)).isFalse();
    }

    @Test
    void superadminPassesEveryRule() {
        AccessRule rule = rule(Set.of("admin"), Set.of("write"), Set.of("api"));
        assertThat(rule.permits(principal(Set.of("superadmin"), Set.of(), Set.of()), true)).isTrue();
    }
}
