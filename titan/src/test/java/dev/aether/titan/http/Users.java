package dev.aether.titan.http;

import dev.aether.netron.protocol.Public;
import dev.aether.netron.protocol.Service;
import dev.aether.netron.protocol.error.NetronException;
import dev.aether.titan.Cacheable;
import java.math.BigInteger;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The service the reference recorded http.json against, rebuilt so the vectors can be replayed. */
@Service("users@1.0.0")
public final class Users {
    public record User(int id, String name, String email, Instant createdAt) {
    }

    @Public
    public User getUser(int id) {
        return new User(id, "Alice", "alice@example.com", Instant.ofEpochSecond(1_700_000_000));
    }

    @Public
    public int count() {
        return 2;
    }

    @Public
    public Map<String, Object> createUser(Map<String, Object> input) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", 43);
        user.put("name", input.get("name"));
        return user;
    }

    @Public
    public Map<String, Object> huge() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("big", BigInteger.TWO.pow(70));
        values.put("small", 5);
        return values;
    }

    /** Key order is part of the JSON the ETag hashes, hence a record rather than Map.of (whose order varies per JVM run). */
    public record Summary(int id, String name) {
    }

    /**
     * The reference recording's cacheable method: cacheMaxAge 60000, cacheTags users, users:list.
     * The reference answers every cacheable result {@code public}; Titan does so only for a result
     * declared the same for every caller (this fixed list), so the recording is replayed against
     * {@code shared = true}. The {@code private} default is HttpCacheTest's.
     */
    @Public
    @Cacheable(maxAge = 60_000, tags = {"users", "users:list"}, shared = true)
    public List<Summary> listUsers() {
        return List.of(new Summary(1, "Alice"), new Summary(2, "Bob"));
    }

    @Public
    public int limited() {
        throw new NetronException(429, "Too many requests", Map.of("retryAfter", 3));
    }

    @Public
    public int crash() {
        throw new IllegalStateException("boom");
    }

    @Public
    public int conflict() {
        throw new NetronException(409, "Email already registered", Map.of("errorCode", "EMAIL_TAKEN"));
    }

    @Public
    public int sessionExpired() {
        throw new NetronException(401, "Session expired", Map.of("errorCode", "SESSION_EXPIRED"));
    }
}
