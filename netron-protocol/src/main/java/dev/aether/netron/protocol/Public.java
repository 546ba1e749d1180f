package dev.aether.netron.protocol;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Exposes a method or a field of a {@link Service} to remote and in-process callers. Nothing
 * else is reachable, on any transport: an unannotated public method answers 404 as if it did
 * not exist.
 *
 * <p>On a field it makes a property that callers read with GET and, unless {@link #readonly()},
 * write with SET; such fields should be thread-safe (volatile or atomic).
 *
 * <pre>{@code
 * @Service("users@1.0.0")
 * public final class UserService {
 *     @Public(readonly = true) public final int maxUsers = 100;
 *     @Public public User get(long id) { ... }
 *     public void rebuildIndex() { ... }   // not callable remotely
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.FIELD})
public @interface Public {
    /** For properties: callers may read but not write it. */
    boolean readonly() default false;
}
