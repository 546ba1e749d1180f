package dev.aether.titan.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aether.netron.protocol.Public;
import dev.aether.netron.protocol.Service;
import dev.aether.netron.protocol.error.ValidationException;
import dev.aether.netron.protocol.msgpack.NetronMsgpack;
import dev.aether.titan.service.ServiceModel;
import dev.aether.titan.service.ServiceRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A SET passes Bean Validation like a call's arguments: a violation is 422 and the field keeps its value. */
class DispatcherPropertyValidationTest {

    public record Address(@NotBlank String city) {}

    @Service("prefs@1.0.0")
    public static final class Prefs {
        @Public
        @Min(1)
        @Max(10)
        public volatile int level = 1;

        @Public
        @Valid
        public volatile Address address = new Address("Oslo");
    }

    private final Prefs prefs = new Prefs();
    private final Caller caller = new Caller(null, "peer-1", "127.0.0.1", "test");

    private Dispatcher dispatcher() {
        ServiceRegistry registry = new ServiceRegistry();
        registry.register(ServiceModel.of(prefs));
        return new Dispatcher(registry, NetronMsgpack.standard(), null, false, null, new SimpleMeterRegistry(), "server-1");
    }

    @Test
    void aValueInsideTheFieldsConstraintsIsWritten() {
        dispatcher().set(caller, "prefs", "level", 7, false);
        assertThat(prefs.level).isEqualTo(7);
    }

    @Test
    void aValueBreakingTheFieldsConstraintIs422AndWritesNothing() {
        assertThatThrownBy(() -> dispatcher().set(caller, "prefs", "level", 11, false))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.code()).isEqualTo(422);
                    assertThat(e.details().get("violations")).isEqualTo(List.of(Map.of("path", "level", "message", "must be less than or equal to 10")));
                });
        assertThat(prefs.level).isEqualTo(1);
    }

    @Test
    void aValidFieldCascadesIntoTheComponentsOfTheValue() {
        assertThatThrownBy(() -> dispatcher().set(caller, "prefs", "address", Map.of("city", " "), false))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.details().get("violations"))
                        .isEqualTo(List.of(Map.of("path", "address.city", "message", "must not be blank"))));
        assertThat(prefs.address).isEqualTo(new Address("Oslo"));
    }
}
