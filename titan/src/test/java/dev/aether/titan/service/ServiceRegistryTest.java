package dev.aether.titan.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aether.netron.protocol.Public;
import dev.aether.netron.protocol.Service;
import dev.aether.netron.protocol.error.RpcException;
import dev.aether.netron.protocol.error.ServiceNotFoundException;
import org.junit.jupiter.api.Test;

/** How a call's target names a service: definition id, name@version, or bare name for the highest version. */
class ServiceRegistryTest {

    public abstract static class Versioned {
        @Public
        public String version() {
            return getClass().getAnnotation(Service.class).value();
        }
    }

    @Service("shop@1.9.0")
    public static final class V190 extends Versioned {
    }

    @Service("shop@1.10.0")
    public static final class V1100 extends Versioned {
    }

    @Service("shop@2.0.0-beta")
    public static final class V200Beta extends Versioned {
    }

    @Service("shop@1.10.0")
    public static final class V1100Again extends Versioned {
    }

    private final ServiceRegistry registry = new ServiceRegistry();

    @Test
    void aBareNameResolvesToTheHighestVersionNumericallyNotAsText() {
        registry.register(ServiceModel.of(new V1100()));
        registry.register(ServiceModel.of(new V190()));
        assertThat(registry.resolve("shop").id().version()).isEqualTo("1.10.0");
    }

    @Test
    void aBareNameResolvesToTheHighestVersionWhateverTheRegistrationOrder() {
        registry.register(ServiceModel.of(new V190()));
        registry.register(ServiceModel.of(new V1100()));
        assertThat(registry.resolve("shop").id().version()).isEqualTo("1.10.0");
    }

    @Test
    void aPreReleaseRanksAboveLowerReleases() {
        registry.register(ServiceModel.of(new V1100()));
        registry.register(ServiceModel.of(new V200Beta()));
        assertThat(registry.resolve("shop").id().version()).isEqualTo("2.0.0-beta");
    }

    @Test
    void anExactVersionResolvesToThatVersion() {
        registry.register(ServiceModel.of(new V1100()));
        registry.register(ServiceModel.of(new V190()));
        assertThat(registry.resolve("shop@1.9.0").id().version()).isEqualTo("1.9.0");
    }

    @Test
    void aVersionThatIsNotServedIs404() {
        registry.register(ServiceModel.of(new V190()));
        assertThatThrownBy(() -> registry.resolve("shop@1.9.1")).isInstanceOf(ServiceNotFoundException.class);
    }

    @Test
    void anUnknownNameIs404() {
        registry.register(ServiceModel.of(new V190()));
        assertThatThrownBy(() -> registry.resolve("cart")).isInstanceOf(ServiceNotFoundException.class);
    }

    @Test
    void aDefinitionIdResolvesToItsService() {
        ServiceModel model = ServiceModel.of(new V190());
        registry.register(model);
        registry.register(ServiceModel.of(new V1100()));
        assertThat(registry.resolve(model.definitionId())).isSameAs(model);
    }

    @Test
    void anUnknownDefinitionIdIs404() {
        registry.register(ServiceModel.of(new V190()));
        assertThatThrownBy(() -> registry.resolve("0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b")).isInstanceOf(ServiceNotFoundException.class);
    }

    @Test
    void aMissingTargetIs400() {
        assertThatThrownBy(() -> registry.resolve(null))
                .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code()).isEqualTo(400));
        assertThatThrownBy(() -> registry.resolve(""))
                .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code()).isEqualTo(400));
    }

    @Test
    void aTargetWithCharactersNoServiceNameHasIs400() {
        assertThatThrownBy(() -> registry.resolve("shop/../admin"))
                .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code()).isEqualTo(400));
    }

    @Test
    void aWellFormedTargetThatIsNoServiceIdIs404() {
        // Passes the character check but is not name@semver.
        assertThatThrownBy(() -> registry.resolve("shop@1.0")).isInstanceOf(ServiceNotFoundException.class);
    }

    @Test
    void theSameNameAndVersionCannotBeRegisteredTwice() {
        registry.register(ServiceModel.of(new V1100()));
        assertThatThrownBy(() -> registry.register(ServiceModel.of(new V1100Again())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shop@1.10.0 is registered twice");
        assertThat(registry.resolve("shop@1.10.0").instance()).isInstanceOf(V1100.class);
    }

    @Test
    void allListsEveryVersionOfEveryService() {
        registry.register(ServiceModel.of(new V190()));
        registry.register(ServiceModel.of(new V1100()));
        assertThat(registry.all()).extracting(m -> m.id().toString()).containsExactlyInAnyOrder("shop@1.9.0", "shop@1.10.0");
    }
}
