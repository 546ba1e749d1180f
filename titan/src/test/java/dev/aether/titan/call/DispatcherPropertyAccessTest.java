package dev.aether.titan.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aether.netron.protocol.Public;
import dev.aether.netron.protocol.Service;
import dev.aether.netron.protocol.error.AuthException;
import dev.aether.netron.protocol.error.PermissionException;
import dev.aether.netron.protocol.error.RateLimitException;
import dev.aether.netron.protocol.error.TransportException;
import dev.aether.netron.protocol.error.ValidationException;
import dev.aether.netron.protocol.msgpack.NetronMsgpack;
import dev.aether.titan.Auth;
import dev.aether.titan.Principal;
import dev.aether.titan.service.ServiceModel;
import dev.aether.titan.service.ServiceRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Property reads and writes pass the same gates as calls: admission (draining, rate limits) and
 * the property's access rule, before anything is read or written.
 */
class DispatcherPropertyAccessTest {

    @Service("settings@1.0.0")
    public static final class Settings {
        @Public
        @Auth(roles = "admin")
        public volatile String motto = "keep calm";

        @Public(readonly = true)
        @Auth(roles = "admin")
        public volatile String build = "b-1";

        @Public
        public volatile int level = 1;

        @Public
        public volatile List<Integer> weights = List.of();
    }

    private final Settings settings = new Settings();
    private final Caller anonymous = new Caller(null, "peer-1", "127.0.0.1", "test");
    private final Caller user = anonymous.withPrincipal(Principal.of("u-1", "user"));
    private final Caller admin = anonymous.withPrincipal(Principal.of("u-2", "admin"));

    private Dispatcher dispatcher(boolean defaultDeny, RateLimiting limits) {
        ServiceRegistry registry = new ServiceRegistry();
        registry.register(ServiceModel.of(settings));
        return new Dispatcher(registry, NetronMsgpack.standard(), null, defaultDeny, limits, new SimpleMeterRegistry(), "server-1");
    }

    private Dispatcher dispatcher() {
        return dispatcher(false, null);
    }

    @Test
    void anonymousReadOfAGuardedPropertyIs401() {
        assertThatThrownBy(() -> dispatcher().get(anonymous, "settings", "motto"))
                .isInstanceOfSatisfying(AuthException.class, e -> assertThat(e.code()).isEqualTo(401));
    }

    @Test
    void readOfAGuardedPropertyWithoutTheRoleIs403() {
        assertThatThrownBy(() -> dispatcher().get(user, "settings", "motto"))
                .isInstanceOfSatisfying(PermissionException.class, e -> assertThat(e.code()).isEqualTo(403));
    }

    @Test
    void readOfAGuardedPropertyWithTheRoleReturnsItsValue() {
        assertThat(dispatcher().get(admin, "settings", "motto")).isEqualTo("keep calm");
    }

    @Test
    void anonymousWriteOfAGuardedPropertyIs401AndWritesNothing() {
        assertThatThrownBy(() -> dispatcher().set(anonymous, "settings", "motto", "panic", false))
                .isInstanceOfSatisfying(AuthException.class, e -> assertThat(e.code()).isEqualTo(401));
        assertThat(settings.motto).isEqualTo("keep calm");
    }

    @Test
    void writeOfAGuardedPropertyWithoutTheRoleIs403AndWritesNothing() {
        assertThatThrownBy(() -> dispatcher().set(user, "settings", "motto", "panic", false))
                .isInstanceOfSatisfying(PermissionException.class, e -> assertThat(e.code()).isEqualTo(403));
        assertThat(settings.motto).isEqualTo("keep calm");
    }

    @Test
    void writeOfAGuardedPropertyWithTheRoleWritesIt() {
        dispatcher().set(admin, "settings", "motto", "carry on", false);
        assertThat(settings.motto).isEqualTo("carry on");
    }

    @Test
    void theAccessRuleIsCheckedBeforeTheReadOnlyFlag() {
        // An anonymous caller learns that it must authenticate, not what the property is like.
        assertThatThrownBy(() -> dispatcher().set(anonymous, "settings", "build", "b-2", false)).isInstanceOf(AuthException.class);
        assertThatThrownBy(() -> dispatcher().set(admin, "settings", "build", "b-2", false))
                .isInstanceOf(PermissionException.class).hasMessage("Property 'build' of settings@1.0.0 is read-only");
        assertThat(settings.build).isEqualTo("b-1");
    }

    @Test
    void underDefaultDenyAnUnannotatedPropertyNeedsAnAuthenticatedCaller() {
        Dispatcher d = dispatcher(true, null);
        assertThatThrownBy(() -> d.get(anonymous, "settings", "level")).isInstanceOf(AuthException.class);
        assertThatThrownBy(() -> d.set(anonymous, "settings", "level", 5, false)).isInstanceOf(AuthException.class);
        assertThat(settings.level).isEqualTo(1);
        d.set(user, "settings", "level", 5, false);
        assertThat(d.get(user, "settings", "level")).isEqualTo(5);
    }

    @Test
    void withoutDefaultDenyAnUnannotatedPropertyIsOpenToAnonymousCallers() {
        Dispatcher d = dispatcher();
        d.set(anonymous, "settings", "level", 3, false);
        assertThat(d.get(anonymous, "settings", "level")).isEqualTo(3);
    }

    @Test
    void whileDrainingReadsAndWritesAre503() {
        Dispatcher d = dispatcher();
        d.startDraining();
        assertThatThrownBy(() -> d.get(anonymous, "settings", "level"))
                .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.code()).isEqualTo(503));
        assertThatThrownBy(() -> d.set(anonymous, "settings", "level", 9, false))
                .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.code()).isEqualTo(503));
        assertThat(settings.level).isEqualTo(1);
    }

    @Test
    void readsAndWritesCountAgainstTheRateLimit() {
        Dispatcher d = dispatcher(false, new RateLimiting(2, Duration.ofMinutes(1)));
        d.get(anonymous, "settings", "level");
        d.set(anonymous, "settings", "level", 2, false);
        assertThatThrownBy(() -> d.get(anonymous, "settings", "level")).isInstanceOf(RateLimitException.class);
        assertThatThrownBy(() -> d.set(anonymous, "settings", "level", 3, false)).isInstanceOf(RateLimitException.class);
        assertThat(settings.level).isEqualTo(2);
    }

    @Test
    void aWireValueIsConvertedToThePropertysType() {
        dispatcher().set(anonymous, "settings", "weights", List.of(1, 2L), false);
        assertThat(settings.weights).containsExactly(1, 2);
    }

    @Test
    void aJavaObjectOfThePropertysTypeIsWrittenAsItIs() {
        List<Integer> weights = List.of(4, 5);
        dispatcher().set(anonymous, "settings", "weights", weights, true);
        assertThat(settings.weights).isSameAs(weights);
    }

    @Test
    void aValueThatDoesNotFitThePropertyIs400NamingIt() {
        assertThatThrownBy(() -> dispatcher().set(anonymous, "settings", "level", "high", false))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.code()).isEqualTo(400))
                .hasMessage("Invalid property 'level': expected int");
        assertThat(settings.level).isEqualTo(1);
    }

    @Test
    void nullForAPrimitivePropertyIs400() {
        assertThatThrownBy(() -> dispatcher().set(anonymous, "settings", "level", null, false))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.code()).isEqualTo(400))
                .hasMessage("Property 'level' cannot be null");
        assertThat(settings.level).isEqualTo(1);
    }

    @Test
    void nullForAnObjectPropertyIsWritten() {
        dispatcher().set(admin, "settings", "motto", null, false);
        assertThat(settings.motto).isNull();
    }
}
