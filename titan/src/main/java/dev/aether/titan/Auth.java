package dev.aether.titan;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call a service's {@code @Public} methods and properties. On a method it replaces the
 * class's rule. Without any rule a method is open to anonymous callers, unless Titan runs in
 * {@linkplain Titan.Builder#defaultDeny(boolean) default-deny} mode, where it needs an
 * authenticated caller.
 *
 * <p>A caller with no principal gets 401; one whose principal fails the rule gets 403. The role
 * {@code superadmin} passes every rule, as in the reference implementation.
 *
 * <pre>{@code
 * @Service("users@1.0.0")
 * @Auth(roles = {"user", "admin"})                  // any of these roles
 * public final class UserService {
 *     @Public public User me() { ... }
 *     @Public @Auth(permissions = {"users:delete"})   // all of these permissions
 *     public void delete(long id) { ... }
 *     @Public @Auth(allowAnonymous = true) public int count() { ... }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD})
public @interface Auth {
    /** The caller needs at least one of these roles (none: any authenticated caller). */
    String[] roles() default {};

    /** The caller needs every one of these permissions. */
    String[] permissions() default {};

    /** The caller needs every one of these scopes. */
    String[] scopes() default {};

    /** Anyone may call, authenticated or not; the other attributes are ignored. */
    boolean allowAnonymous() default false;
}
