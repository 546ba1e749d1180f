package dev.aether.titan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.Inject;
import com.google.inject.name.Named;
import com.google.inject.name.Names;
import dev.aether.netron.protocol.Public;
import dev.aether.netron.protocol.Service;
import dev.aether.netron.protocol.error.AuthException;
import dev.aether.netron.protocol.error.NetronException;
import dev.aether.netron.protocol.error.ServiceNotFoundException;
import dev.aether.titan.fixtures.Greeter;
import org.junit.jupiter.api.Test;

/** Registering services: DI, versions, discovery, and the mistakes registration refuses. */
class ServiceHostingTest {
    /** Greets with a salutation that Guice injects through a qualifier. */
    public static final class FormalGreeter implements Greeter {
        private final String salutation;

        @Inject
        public FormalGreeter(@Named("salutation") String salutation) {
            this.salutation = salutation;
        }

        @Public
        @Override
        public String greet(String name) {
            return salutation + ", " + name;
        }
    }

    @Service("greeter@2.0.0")
    public static final class GreeterV2 implements Greeter {
        @Public
        @Override
        public String greet(String name) {
            return "Hi " + name + " (v2)";
        }
    }

    private static AbstractModule salutation(String value) {
        return new AbstractModule() {
            @Override
            protected void configure() {
                bindConstant().annotatedWith(Names.named("salutation")).to(value);
            }
        };
    }

    @Test
    void serviceClassIsBuiltByGuiceWithQualifiedDependencies() {
        try (Titan titan = Titan.builder().modules(salutation("Good day")).service(FormalGreeter.class).build()) {
            assertThat(titan.client().service(Greeter.class).greet("Ada")).isEqualTo("Good day, Ada");
        }
    }

    @Test
    void serviceBoundInAModuleIsDiscoveredAndServed() {
        AbstractModule app = new AbstractModule() {
            @Override
            protected void configure() {
                bind(Greeter.class).to(FormalGreeter.class);
            }
        };
        try (Titan titan = Titan.builder().modules(salutation("Hello"), app).build()) {
            assertThat(titan.client().service(Greeter.class).greet("Grace")).isEqualTo("Hello, Grace");
        }
    }

    @Test
    void childScopeServesItsServicesWithItsOwnBindings() {
        AbstractModule tenant = new AbstractModule() {
            @Override
            protected void configure() {
                bind(Greeter.class).to(FormalGreeter.class);
                bindConstant().annotatedWith(Names.named("salutation")).to("Bonjour");
            }
        };
        try (Titan titan = Titan.builder().scope(tenant).build()) {
            assertThat(titan.client().service(Greeter.class).greet("Marie")).isEqualTo("Bonjour, Marie");
            assertThat(titan.injector().getExistingBinding(com.google.inject.Key.get(Greeter.class)))
                    .as("the child's bindings stay out of the application injector").isNull();
        }
    }

    @Test
    void bareNameReachesTheHighestVersionAndExactVersionsStayReachable() {
        try (Titan titan = Titan.builder().modules(salutation("Hello")).service(FormalGreeter.class).service(new GreeterV2()).build()) {
            assertThat(titan.client().service(Greeter.class, "greeter").greet("Ada")).isEqualTo("Hi Ada (v2)");
            assertThat(titan.client().service(Greeter.class, "greeter@1.0.0").greet("Ada")).isEqualTo("Hello, Ada");
            assertThat(titan.client().service(Greeter.class, "greeter@2.0.0").greet("Ada")).isEqualTo("Hi Ada (v2)");
        }
    }

    @Test
    void unknownVersionIsNotFound() {
        try (Titan titan = Titan.builder().service(new GreeterV2()).build()) {
            Greeter v3 = titan.client().service(Greeter.class, "greeter@3.0.0");
            assertThatThrownBy(() -> v3.greet("x")).isInstanceOf(ServiceNotFoundException.class);
        }
    }

    @Test
    void defaultDenyRequiresAPrincipalForMethodsWithoutAuth() {
        try (Titan titan = Titan.builder().service(new GreeterV2()).defaultDeny(true).build()) {
            assertThatThrownBy(() -> titan.client().service(Greeter.class, "greeter").greet("x")).isInstanceOf(AuthException.class);
            assertThat(titan.client(Principal.of("u")).service(Greeter.class, "greeter").greet("x")).isEqualTo("Hi x (v2)");
        }
    }

    @Test
    void defaultDenyHidesTheServiceFromAnonymousDefinitionQueries() {
        try (Titan titan = Titan.builder().service(new GreeterV2()).defaultDeny(true).build()) {
            assertThatThrownBy(() -> titan.client().queryInterface("greeter")).isInstanceOf(ServiceNotFoundException.class);
        }
    }

    @Service("overloaded@1.0.0")
    public static final class Overloaded {
        @Public
        public int f(int a) {
            return a;
        }

        @Public
        public int f(int a, int b) {
            return a + b;
        }
    }

    @Test
    void overloadedPublicMethodsAreRefusedWithAClearMessage() {
        assertThatThrownBy(() -> Titan.builder().service(new Overloaded()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("overloaded @Public methods");
    }

    @Service("nothing@1.0.0")
    public static final class ExposesNothing {
        public int hidden() {
            return 1;
        }
    }

    @Test
    void serviceWithoutPublicMembersIsRefused() {
        assertThatThrownBy(() -> Titan.builder().service(new ExposesNothing()).build())
                .hasMessageContaining("exposes nothing");
    }

    @Test
    void classWithoutServiceAnnotationIsRefused() {
        assertThatThrownBy(() -> Titan.builder().service(new Object()).build())
                .hasMessageContaining("has no @Service");
    }

    @Service("Bad Name@1.0.0")
    public static final class BadName {
        @Public
        public int x() {
            return 1;
        }
    }

    @Test
    void invalidServiceNameIsRefused() {
        assertThatThrownBy(() -> Titan.builder().service(new BadName()).build()).hasMessageContaining("invalid service name");
    }

    @Test
    void sameNameAndVersionTwiceIsRefused() {
        assertThatThrownBy(() -> Titan.builder().service(new GreeterV2()).service(new GreeterV2()).build())
                .hasMessageContaining("registered twice");
    }

    @Test
    void errorsCarryHttpLikeCodesAndRetryability() {
        try (Titan titan = Titan.builder().service(new GreeterV2()).build()) {
            Greeter missing = titan.client().service(Greeter.class, "nosuch");
            assertThatThrownBy(() -> missing.greet("x")).isInstanceOfSatisfying(NetronException.class, e -> {
                assertThat(e.code()).isEqualTo(404);
                assertThat(e.retryable()).isFalse();
            });
        }
    }
}
