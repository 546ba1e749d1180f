package dev.aether.titan.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import dev.aether.netron.protocol.Public;
import dev.aether.netron.protocol.Service;
import dev.aether.netron.protocol.error.AuthException;
import dev.aether.netron.protocol.error.NetronException;
import dev.aether.netron.protocol.error.ServiceNotFoundException;
import dev.aether.netron.protocol.error.TransportException;
import dev.aether.netron.protocol.error.ValidationException;
import dev.aether.netron.protocol.msgpack.NetronMsgpack;
import dev.aether.titan.Auth;
import dev.aether.titan.Authenticator;
import dev.aether.titan.Cacheable;
import dev.aether.titan.Principal;
import dev.aether.titan.service.ServiceModel;
import dev.aether.titan.service.ServiceRegistry;
import dev.aether.titan.testing.CapturedLog;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The rest of the call pipeline: authentication, definitions, cache settings, results and failures. */
class DispatcherPipelineTest {
    @RegisterExtension
    final CapturedLog dispatcherLog = CapturedLog.of(Dispatcher.class);

    @Service("shelf@1.0.0")
    public static final class Shelf {
        @Public
        @Cacheable(maxAge = 60_000, tags = "books")
        public List<String> titles() {
            return List.of("Dune");
        }

        @Public
        public int size(List<String> titles) {
            return titles.size();
        }

        @Public
        public List<String> echo(List<String> titles) {
            return titles;
        }

        @Public
        public int twice(int x) {
            return 2 * x;
        }

        @Public
        public String only(String title) {
            return title;
        }

        @Public
        public CompletionStage<String> later(String title) {
            return CompletableFuture.supplyAsync(() -> title.toUpperCase());
        }

        @Public
        public CompletionStage<String> nothingLater() {
            return null;
        }

        @Public
        public CompletionStage<String> failLater() {
            return CompletableFuture.failedFuture(new IllegalStateException("secret detail"));
        }

        @Public
        public void refuse() {
            throw new IllegalArgumentException("title too long");
        }

        @Public
        public void refuseSilently() {
            throw new IllegalArgumentException();
        }

        @Public
        @Auth(roles = "librarian")
        public String inventory() {
            return "all";
        }
    }

    /** Accepts the token "t" and the credentials user=ann, password=pw; records what it was given. */
    static final class Recording implements Authenticator {
        final List<Map<String, Object>> credentials = new ArrayList<>();

        @Override
        public Optional<Principal> authenticate(Map<String, Object> given) {
            credentials.add(given);
            return "ann".equals(given.get("user")) && "pw".equals(given.get("password"))
                    ? Optional.of(Principal.of("ann", "librarian")) : Optional.empty();
        }

        @Override
        public Optional<Principal> validateToken(String token) {
            return "t".equals(token) ? Optional.of(Principal.of("tok", "librarian")) : Optional.empty();
        }
    }

    private final Caller anonymous = new Caller(null, "peer-1", "127.0.0.1", "test");
    private final Recording authenticator = new Recording();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private Dispatcher dispatcher(Authenticator auth) {
        ServiceRegistry registry = new ServiceRegistry();
        registry.register(ServiceModel.of(new Shelf()));
        return new Dispatcher(registry, NetronMsgpack.standard(), auth, false, null, meters, "server-7");
    }

    private static Object call(Dispatcher d, Caller caller, String method, Object... args) {
        return d.call(caller, "shelf", method, Arguments.wire(List.of(args)), Duration.ofSeconds(10)).join();
    }

    private static Throwable failure(Dispatcher d, Caller caller, String method, Object... args) {
        CompletableFuture<Object> future = d.call(caller, "shelf", method, Arguments.wire(List.of(args)), Duration.ofSeconds(10));
        try {
            future.join();
            throw new AssertionError("expected a failure");
        } catch (CompletionException e) {
            return e.getCause();
        }
    }

    @Test
    void aTokenIsValidatedAsAToken() {
        assertThat(dispatcher(authenticator).authenticate(anonymous, Map.of("token", "t")).id()).isEqualTo("tok");
        assertThat(authenticator.credentials).isEmpty();
    }

    @Test
    void otherCredentialsGoToTheAuthenticatorWithoutNullEntries() {
        Map<String, Object> given = new HashMap<>();
        given.put("user", "ann");
        given.put("password", "pw");
        given.put("otp", null);
        assertThat(dispatcher(authenticator).authenticate(anonymous, given).id()).isEqualTo("ann");
        assertThat(authenticator.credentials).containsExactly(Map.of("user", "ann", "password", "pw"));
    }

    @Test
    void wrongCredentialsAre401() {
        assertThatThrownBy(() -> dispatcher(authenticator).authenticate(anonymous, Map.of("user", "ann", "password", "no")))
                .isInstanceOfSatisfying(AuthException.class, e -> assertThat(e.code()).isEqualTo(401))
                .hasMessage("Invalid credentials");
        assertThatThrownBy(() -> dispatcher(authenticator).authenticate(anonymous, Map.of("token", "forged")))
                .isInstanceOf(AuthException.class);
    }

    @Test
    void missingCredentialsAre401() {
        assertThatThrownBy(() -> dispatcher(authenticator).authenticate(anonymous, null))
                .isInstanceOf(AuthException.class).hasMessage("Missing credentials");
    }

    @Test
    void whileDrainingAuthenticationIs503() {
        Dispatcher d = dispatcher(authenticator);
        d.startDraining();
        assertThatThrownBy(() -> d.authenticate(anonymous, Map.of("token", "t")))
                .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.code()).isEqualTo(503));
    }

    @Test
    void bearerTokensAreValidatedOnlyWhenThereIsAnAuthenticatorAndAToken() {
        assertThat(dispatcher(authenticator).validateToken("t")).map(Principal::id).hasValue("tok");
        assertThat(dispatcher(authenticator).validateToken("forged")).isEmpty();
        assertThat(dispatcher(authenticator).validateToken("")).isEmpty();
        assertThat(dispatcher(authenticator).validateToken(null)).isEmpty();
        assertThat(dispatcher(null).validateToken("t")).isEmpty();
    }

    @Test
    void theDispatcherSaysWhetherAuthenticationIsConfigured() {
        assertThat(dispatcher(authenticator).authenticationConfigured()).isTrue();
        assertThat(dispatcher(null).authenticationConfigured()).isFalse();
    }

    @Test
    void theDispatcherKnowsItsPeerIdAndCodec() {
        Dispatcher d = dispatcher(null);
        assertThat(d.peerId()).isEqualTo("server-7");
        assertThat(d.codec()).isSameAs(NetronMsgpack.standard());
        assertThat(d.draining()).isFalse();
        d.startDraining();
        assertThat(d.draining()).isTrue();
    }

    @Test
    void theDefinitionOfAServiceCarriesThisServersPeerId() {
        assertThat(dispatcher(null).queryInterface(anonymous, "shelf").peerId()).isEqualTo("server-7");
    }

    @Test
    void aServiceTheCallerMayUseNothingOfIsNotFound() {
        ServiceRegistry registry = new ServiceRegistry();
        registry.register(ServiceModel.of(new Shelf()));
        Dispatcher defaultDeny = new Dispatcher(registry, NetronMsgpack.standard(), null, true, null, meters, "server-7");
        assertThatThrownBy(() -> defaultDeny.queryInterface(anonymous, "shelf")).isInstanceOf(ServiceNotFoundException.class);
        Caller ann = anonymous.withPrincipal(Principal.of("ann"));
        assertThat(defaultDeny.queryInterface(ann, "shelf").meta().methods()).containsKey("titles");
    }

    @Test
    void cacheSettingsAreFoundForACacheableMethodOnly() {
        Dispatcher d = dispatcher(null);
        assertThat(d.cacheOf("shelf", "titles").maxAge()).isEqualTo(60_000);
        assertThat(d.cacheOf("shelf", "size")).isNull();
        assertThat(d.cacheOf("shelf", "nope")).isNull();
        assertThat(d.cacheOf("attic", "titles")).isNull();
    }

    @Test
    void wireArgumentsAreConvertedToGenericParameterTypes() {
        assertThat(call(dispatcher(null), anonymous, "size", List.of("a", "b"))).isEqualTo(2);
    }

    @Test
    void aMethodOfOneParameterSaysSoInTheSingular() {
        Throwable error = failure(dispatcher(null), anonymous, "only");
        assertThat(error).isInstanceOf(ValidationException.class).hasMessage("Method 'only' of shelf@1.0.0 takes 1 argument, got 0");
        assertThat(((NetronException) error).details()).containsEntry("expected", 1).containsEntry("received", 0);
    }

    @Test
    void javaArgumentsOfTheRightTypePassAsTheyAre() {
        Dispatcher d = dispatcher(null);
        List<String> titles = List.of("x");
        Object result = d.call(anonymous, "shelf", "size", Arguments.java(List.of(titles)), Duration.ofSeconds(10)).join();
        assertThat(result).isEqualTo(1);
    }

    @Test
    void aJavaArgumentOfTheParameterTypeIsPassedAsTheSameObject() {
        List<String> titles = new java.util.ArrayList<>(List.of("x"));
        Object result = dispatcher(null).call(anonymous, "shelf", "echo", Arguments.java(List.of(titles)), Duration.ofSeconds(10)).join();
        assertThat(result).isSameAs(titles);
    }

    @Test
    void aJavaArgumentOfAnotherTypeIsConverted() {
        Object result = dispatcher(null).call(anonymous, "shelf", "twice", Arguments.java(List.of(21L)), Duration.ofSeconds(10)).join();
        assertThat(result).isEqualTo(42);
    }

    @Test
    void aWireArgumentIsAlwaysConverted() {
        List<String> titles = new java.util.ArrayList<>(List.of("x"));
        Object result = call(dispatcher(null), anonymous, "echo", titles);
        assertThat(result).isEqualTo(titles).isNotSameAs(titles);
    }

    @Test
    void callDurationsAreRecordedAsElapsedTime() {
        Dispatcher d = dispatcher(null);
        call(d, anonymous, "titles");
        double seconds = meters.get("netron.calls").tag("method", "titles").timer().totalTime(java.util.concurrent.TimeUnit.SECONDS);
        assertThat(seconds).isBetween(0.0, 60.0);
    }

    @Test
    void wrappedFailuresAreReportedAsTheirCause() {
        NetronException inner = new NetronException(409, "conflict");
        assertThat(Dispatcher.toNetron(new CompletionException(inner), "s", "m")).isSameAs(inner);
        assertThat(Dispatcher.toNetron(new java.util.concurrent.ExecutionException(inner), "s", "m")).isSameAs(inner);
        assertThat(Dispatcher.toNetron(new CompletionException(new CompletionException(new IllegalArgumentException("bad"))), "s", "m"))
                .isInstanceOf(ValidationException.class).hasMessage("bad");
        NetronException opaque = Dispatcher.toNetron(new CompletionException("no cause", null), "s", "m");
        assertThat(opaque.code()).isEqualTo(500);
        assertThat(dispatcherLog.take(Level.ERROR)).singleElement().satisfies(logged -> {
            assertThat(logged.getFormattedMessage()).isEqualTo("call s.m failed (errorId " + opaque.details().get("errorId") + ")");
            assertThat(logged.getThrowableProxy().getMessage()).isEqualTo("no cause");
        });
    }

    @Test
    void anAsyncResultIsAwaited() {
        assertThat(call(dispatcher(null), anonymous, "later", "dune")).isEqualTo("DUNE");
    }

    @Test
    void anAsyncMethodReturningNullCompletesWithNull() {
        assertThat(call(dispatcher(null), anonymous, "nothingLater")).isNull();
    }

    @Test
    void anAsyncFailureIsAnOpaque500() {
        Throwable error = failure(dispatcher(null), anonymous, "failLater");
        assertThat(error).isInstanceOfSatisfying(NetronException.class, e -> {
            assertThat(e.code()).isEqualTo(500);
            assertThat(e.getMessage()).isEqualTo("Internal server error");
            assertThat(e.details()).containsKey("errorId");
            assertThat(dispatcherLog.take(Level.ERROR)).singleElement().satisfies(logged -> {
                assertThat(logged.getFormattedMessage()).isEqualTo("call shelf@1.0.0.failLater failed (errorId " + e.details().get("errorId") + ")");
                assertThat(logged.getThrowableProxy().getMessage()).isEqualTo("secret detail");
            });
        });
    }

    @Test
    void anIllegalArgumentIs400WithItsMessage() {
        Throwable error = failure(dispatcher(null), anonymous, "refuse");
        assertThat(error).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.code()).isEqualTo(400))
                .hasMessage("title too long");
    }

    @Test
    void anIllegalArgumentWithoutMessageIs400InvalidArgument() {
        assertThat(failure(dispatcher(null), anonymous, "refuseSilently")).isInstanceOf(ValidationException.class)
                .hasMessage("Invalid argument");
    }

    @Test
    void aMethodRuleIsCheckedBeforeTheCall() {
        assertThat(failure(dispatcher(null), anonymous, "inventory")).isInstanceOf(AuthException.class);
        assertThat(call(dispatcher(null), anonymous.withPrincipal(Principal.of("l", "librarian")), "inventory")).isEqualTo("all");
    }

    @Test
    void afterShutdownNewCallsAre503() {
        Dispatcher d = dispatcher(null);
        d.shutdown();
        Throwable error = failure(d, anonymous, "titles");
        assertThat(error).isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.code()).isEqualTo(503));
        assertThat(d.inFlight()).isZero();
    }

    @Test
    void failuresAreCountedByTheirCodeAndUnknownMembersUnderUnknown() {
        Dispatcher d = dispatcher(null);
        failure(d, anonymous, "refuse");
        failure(d, anonymous, "nope");
        assertThat(meters.get("netron.calls").tag("method", "refuse").tag("outcome", "400").timer().count()).isEqualTo(1);
        assertThat(meters.get("netron.calls").tag("method", "unknown").tag("outcome", "404").timer().count()).isEqualTo(1);
    }

    @Test
    void anIdleDispatcherIsIdleAtOnce() throws InterruptedException {
        assertThat(dispatcher(null).awaitIdle(Duration.ZERO)).isTrue();
    }
}
