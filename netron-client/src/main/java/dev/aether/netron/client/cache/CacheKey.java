package dev.aether.netron.client.cache;

import java.lang.reflect.Type;

/**
 * Where an entry lives: its key text ({@code service:method:JSON(args)} or the call's explicit
 * key), the principal it belongs to, and the type the result was converted to.
 *
 * <pre>{@code
 * cache.peek(new CacheKey("users:find:[42]", "u-7", User.class));
 * }</pre>
 *
 * @param key        the text invalidation patterns match
 * @param principal  whose entry it is, or null for a result that is the same for every caller
 * @param resultType the Java type of the value
 */
public record CacheKey(String key, String principal, Type resultType) {
}
