package dev.aether.titan;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code @Public} method whose successful results HTTP caches may keep. Over
 * {@code POST /netron/invoke} such a result carries {@code hints.cache = {maxAge, tags}},
 * {@code Cache-Control: private, max-age=<seconds>} with {@code Vary: Authorization}, a weak
 * {@code ETag} over the JSON result and {@code X-Cache-Tags}; a request whose
 * {@code If-None-Match} matches the ETag gets {@code 304 Not Modified} without a body.
 *
 * <p>A result is {@code private} by default: it may depend on who asks, so only the caller's own
 * cache (a browser's, or netron-client's, partitioned by principal) may keep it, never a shared
 * proxy. Only a method whose result is the same for every caller declares {@link #shared()}; it
 * is then sent {@code public} and any cache may serve it to anyone. Errors are never cacheable, and the other transports
 * (WebSocket, in process, batch items) are unaffected.
 *
 * <p>The method still runs on every request: the ETag is computed from its result, so only the
 * response body is saved, not the work. Like {@link Auth}, it is read from the implementation's
 * method; on a method that is not {@code @Public} it has no effect.
 *
 * <pre>{@code
 * @Service("users@1.0.0")
 * public final class UserService {
 *     @Public @Cacheable(maxAge = 60_000, tags = {"users", "users:list"})
 *     public List<UserSummary> listUsers() { ... }          // private: depends on who asks
 *
 *     @Public @Cacheable(maxAge = 3_600_000, shared = true)
 *     public List<String> countries() { ... }               // public: the same for everyone
 * }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Cacheable {
    /** How long a cache may keep the result, in milliseconds (sent in seconds, rounded down, in {@code Cache-Control}). */
    long maxAge() default 300_000;

    /** Invalidation tags, sent in {@code hints.cache.tags} and {@code X-Cache-Tags}; no commas or control characters. */
    String[] tags() default {};

    /**
     * True when the result is the same for every caller, authenticated or not: it is then sent
     * {@code Cache-Control: public}, shared proxies may keep it, and netron-client shares one
     * entry between principals. False (the default) sends {@code private} with
     * {@code Vary: Authorization}. Declare it only for data with no per-user content.
     */
    boolean shared() default false;
}
