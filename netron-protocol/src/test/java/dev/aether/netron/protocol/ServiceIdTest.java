package dev.aether.netron.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aether.netron.protocol.definition.ServiceMetadata;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Service names and versions: what is valid, how they are written and where they are declared. */
class ServiceIdTest {

    @Service("users@1.2.3")
    interface Users {
    }

    static class UsersImpl implements Users {
    }

    static class SpecialUsers extends UsersImpl {
    }

    @Service("plain")
    static class Unversioned {
    }

    static class Undeclared {
    }

    @Test
    void aNameWithVersionIsParsedIntoBoth() {
        ServiceId id = ServiceId.parse("billing.invoices@2.0.0-rc.1+b5");
        assertThat(id.name()).isEqualTo("billing.invoices");
        assertThat(id.version()).isEqualTo("2.0.0-rc.1+b5");
        assertThat(id.hasVersion()).isTrue();
        assertThat(id).hasToString("billing.invoices@2.0.0-rc.1+b5");
    }

    @Test
    void aBareNameHasNoVersion() {
        ServiceId id = ServiceId.parse("users");
        assertThat(id.version()).isNull();
        assertThat(id.hasVersion()).isFalse();
        assertThat(id).hasToString("users");
    }

    @Test
    void invalidNamesAndVersionsAreRefused() {
        assertThatThrownBy(() -> ServiceId.parse("bad name")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid service name 'bad name'");
        assertThatThrownBy(() -> ServiceId.parse("users@1.0")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid version '1.0' of service 'users'");
        assertThatThrownBy(() -> ServiceId.parse("@1.0.0")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid service name ''");
        assertThatThrownBy(() -> ServiceId.parse("users@01.0.0")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theIdIsFoundOnTheClassItsSuperclassesOrTheirInterfaces() {
        assertThat(ServiceId.of(UsersImpl.class)).isEqualTo(new ServiceId("users", "1.2.3"));
        assertThat(ServiceId.of(SpecialUsers.class)).isEqualTo(new ServiceId("users", "1.2.3"));
        assertThat(ServiceId.isDeclaredOn(SpecialUsers.class)).isTrue();
        assertThat(ServiceId.isDeclaredOn(Undeclared.class)).isFalse();
    }

    @Test
    void aClassWithoutServiceOrWithoutVersionIsRefused() {
        assertThatThrownBy(() -> ServiceId.of(Undeclared.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no @Service");
        assertThatThrownBy(() -> ServiceId.of(Unversioned.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a version");
    }

    @Test
    void metadataHasAQualifiedName() {
        assertThat(new ServiceMetadata("users", "1.0.0", Map.of(), Map.of()).qualifiedName()).isEqualTo("users@1.0.0");
        assertThat(new ServiceMetadata("users", "", Map.of(), Map.of()).qualifiedName()).isEqualTo("users");
        assertThat(new ServiceMetadata("users", null, Map.of(), Map.of()).qualifiedName()).isEqualTo("users");
    }
}
