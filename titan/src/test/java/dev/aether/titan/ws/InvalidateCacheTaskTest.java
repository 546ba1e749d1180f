package dev.aether.titan.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.netron.protocol.error.NetronException;
import dev.aether.netron.protocol.packet.Packet;
import dev.aether.netron.protocol.packet.PacketType;
import dev.aether.titan.CacheInvalidation;
import dev.aether.titan.CacheInvalidations;
import dev.aether.titan.Titan;
import dev.aether.titan.fixtures.CalculatorService;
import dev.aether.titan.fixtures.Tokens;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The {@code invalidate_cache} core task over a real WebSocket: it drops what it names from the registered caches. */
class InvalidateCacheTaskTest {
    private static final HexFormat HEX = HexFormat.of();
    /** Golden vectors {@code task_invalidate_cache} ({@code ["invalidate_cache", "users*"]}, id 15) and its response (2). */
    private static final String VECTOR_REQUEST = "0000000f4492b0696e76616c69646174655f6361636865a675736572732a";
    private static final String VECTOR_RESPONSE = "0000000f0402";

    /** A small keyed cache with tags, as an application would register. */
    static final class TaggedCache implements CacheInvalidation {
        final Map<String, List<String>> entries = new ConcurrentHashMap<>();

        TaggedCache put(String key, String... tags) {
            entries.put(key, List.of(tags));
            return this;
        }

        @Override
        public int invalidate(Request request) {
            int before = entries.size();
            entries.entrySet().removeIf(e -> request.matchesKey(e.getKey()) || request.matchesTags(e.getValue()));
            return before - entries.size();
        }
    }

    private static Titan open;
    private static Titan defaultDeny;
    private static final TaggedCache denyCache = new TaggedCache();
    private RawSocket socket;
    private CacheInvalidations.Registration registration;

    @BeforeAll
    static void start() {
        open = Titan.builder().port(0).service(new CalculatorService()).build().start();
        defaultDeny = Titan.builder().port(0).service(new CalculatorService()).authenticator(new Tokens())
                .defaultDeny(true).cacheInvalidation(denyCache).build().start();
    }

    @AfterAll
    static void stop() {
        open.stop();
        defaultDeny.stop();
    }

    @AfterEach
    void cleanUp() {
        if (socket != null) {
            socket.close();
        }
        if (registration != null) {
            registration.close();
        }
    }

    private TaggedCache registeredCache() {
        TaggedCache cache = new TaggedCache().put("users:1", "users").put("users:2", "users").put("orders:1", "orders");
        registration = open.cacheInvalidations().register(cache);
        return cache;
    }

    private RawSocket connected(Titan titan, Map<String, String> headers) {
        socket = RawSocket.connect(titan.webSocketUri(), headers).handshake("invalidating-client");
        return socket;
    }

    private static Packet task(Object... data) {
        return Packet.request(1, PacketType.TASK, List.of(data));
    }

    @Test
    void theVectorRequestDropsTheMatchingPrefixAndAnswersTheVectorResponse() {
        TaggedCache cache = registeredCache();
        connected(open, Map.of()).sendBinary(HEX.parseHex(VECTOR_REQUEST));
        assertThat(HEX.formatHex(socket.nextBinary())).isEqualTo(VECTOR_RESPONSE);
        assertThat(cache.entries).containsOnlyKeys("orders:1");
    }

    @Test
    void anExactKeyDropsOnlyThatEntry() {
        TaggedCache cache = registeredCache();
        assertThat(connected(open, Map.of()).request(task("invalidate_cache", "users:1")).data()).isEqualTo(1);
        assertThat(cache.entries).containsOnlyKeys("users:2", "orders:1");
    }

    @Test
    void tagsInTheOptionsObjectDropTheTaggedEntries() {
        TaggedCache cache = registeredCache();
        assertThat(connected(open, Map.of()).request(task("invalidate_cache", Map.of("tags", List.of("orders")))).data()).isEqualTo(1);
        assertThat(cache.entries).containsOnlyKeys("users:1", "users:2");
    }

    @Test
    void noArgumentDropsEverything() {
        TaggedCache cache = registeredCache();
        assertThat(connected(open, Map.of()).request(task("invalidate_cache")).data()).isEqualTo(3);
        assertThat(cache.entries).isEmpty();
    }

    @Test
    void theCountIsTheSumOverEveryRegisteredCache() {
        registeredCache();
        TaggedCache other = new TaggedCache().put("users:9");
        try (CacheInvalidations.Registration second = open.cacheInvalidations().register(other)) {
            assertThat(connected(open, Map.of()).request(task("invalidate_cache", "users*")).data()).isEqualTo(3);
        }
        assertThat(other.entries).isEmpty();
    }

    @Test
    void aClosedRegistrationIsNoLongerAsked() {
        TaggedCache cache = registeredCache();
        registration.close();
        assertThat(connected(open, Map.of()).request(task("invalidate_cache", "users*")).data()).isEqualTo(0);
        assertThat(cache.entries).hasSize(3);
    }

    @Test
    void aMalformedArgumentAnswers400AndDropsNothing() {
        TaggedCache cache = registeredCache();
        Packet reply = connected(open, Map.of()).request(task("invalidate_cache", Map.of("tags", "users")));
        assertThat(reply.error()).isTrue();
        assertThat(((NetronException) reply.data()).code()).isEqualTo(400);
        assertThat(cache.entries).hasSize(3);
    }

    @Test
    void withDefaultDenyAnAnonymousCallerGets401AndNothingIsDropped() {
        denyCache.put("users:1", "users");
        Packet reply = connected(defaultDeny, Map.of()).request(task("invalidate_cache", "users*"));
        assertThat(reply.error()).isTrue();
        assertThat(((NetronException) reply.data()).code()).isEqualTo(401);
        assertThat(denyCache.entries).containsKey("users:1");
    }

    @Test
    void withDefaultDenyAnAuthenticatedCallerInvalidates() {
        denyCache.put("users:7", "users");
        Packet reply = connected(defaultDeny, Map.of("Authorization", "Bearer " + Tokens.USER)).request(task("invalidate_cache", "users:7"));
        assertThat(reply.data()).isEqualTo(1);
        assertThat(denyCache.entries).doesNotContainKey("users:7");
    }
}
