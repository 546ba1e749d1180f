package dev.aether.titan.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.netron.client.NetronClient;
import dev.aether.netron.client.cache.CacheInterceptor;
import dev.aether.netron.client.cache.ResponseCache;
import dev.aether.netron.client.call.CachePolicy;
import dev.aether.netron.client.http.HttpTransport;
import dev.aether.titan.Titan;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client cache honours the {@code hints.cache} of a Titan {@code @Cacheable} answer over
 * HTTP: its tags always, its maxAge when the policy asks for the server's.
 */
class ServerCacheHintsTest {
    private static final Duration SERVER_MAX_AGE = Duration.ofMillis(CatalogService.MAX_AGE_MILLIS);

    private final CatalogService catalog = new CatalogService();
    private final AtomicLong now = new AtomicLong();
    private final ResponseCache cache = ResponseCache.builder().ticker(now::get).build();
    private Titan titan;
    private NetronClient client;

    @BeforeEach
    void start() {
        titan = Titan.builder().port(0).service(catalog).build().start();
        client = NetronClient.builder(new HttpTransport(titan.httpUri())).interceptor(new CacheInterceptor(cache)).build();
    }

    @AfterEach
    void stop() {
        client.close();
        titan.stop();
    }

    private Catalog cached(CachePolicy policy) {
        return client.withOptions(o -> o.cache(policy)).service(Catalog.class);
    }

    private void age(Duration duration) {
        now.addAndGet(duration.toNanos());
    }

    @Test
    void aPolicyAskingForTheServersMaxAgeExpiresTheEntryWhenTheServerSays() {
        Catalog remote = cached(CachePolicy.serverMaxAge(Duration.ofHours(1)));
        assertThat(remote.users()).isEqualTo(1);

        age(SERVER_MAX_AGE.minusSeconds(1));
        assertThat(remote.users()).as("within the server's maxAge: a hit").isEqualTo(1);
        age(Duration.ofSeconds(2));
        assertThat(remote.users()).as("past the server's maxAge, though well within the fallback hour").isEqualTo(2);
        assertThat(catalog.calls()).isEqualTo(2);
    }

    @Test
    void aMaxAgeTheCallerSetExplicitlyWinsOverTheServers() {
        Catalog remote = cached(CachePolicy.maxAge(Duration.ofHours(1)));
        remote.users();

        age(SERVER_MAX_AGE.plusMinutes(5));

        assertThat(remote.users()).isEqualTo(1);
        assertThat(catalog.calls()).isEqualTo(1);
    }

    @Test
    void invalidatingATagTheServerNamedDropsAnEntryWhosePolicyHadNoTags() {
        Catalog remote = cached(CachePolicy.maxAge(Duration.ofHours(1)));
        remote.users();

        int dropped = client.invalidateTags("users");

        assertThat(dropped).isEqualTo(1);
        assertThat(remote.users()).isEqualTo(2);
    }

    @Test
    void theServersTagsAreAddedToThePolicysOwn() {
        Catalog remote = cached(CachePolicy.maxAge(Duration.ofHours(1)).tags("catalogue"));
        remote.users();

        assertThat(client.invalidateTags("catalogue")).isEqualTo(1);
        remote.users();
        assertThat(client.invalidateTags("users")).isEqualTo(1);
        assertThat(catalog.calls()).isEqualTo(2);
    }

    @Test
    void aRefetchedServerHintedEntryIsFreshForTheServersMaxAgeAgainAndKeepsItsTags() {
        Catalog remote = cached(CachePolicy.serverMaxAge(Duration.ofHours(1)));
        remote.users();
        age(SERVER_MAX_AGE.plusSeconds(1));
        assertThat(remote.users()).isEqualTo(2);

        age(SERVER_MAX_AGE.minusSeconds(1));
        assertThat(remote.users()).as("fresh for the server's maxAge again").isEqualTo(2);
        assertThat(client.invalidateTags("users")).isEqualTo(1);
    }
}
