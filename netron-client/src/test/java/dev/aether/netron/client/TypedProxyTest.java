package dev.aether.netron.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aether.netron.client.Library.Book;
import dev.aether.netron.protocol.error.PermissionException;
import dev.aether.netron.protocol.error.RpcException;
import java.lang.reflect.ParameterizedType;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The typed proxy: how a call on a Java interface becomes an {@link Invocation}, and how its answer comes back. */
class TypedProxyTest {
    private static final Map<String, Object> DUNE = Map.of("title", "Dune", "year", 1965, "authors", List.of("Frank Herbert"));

    private final FakeTransport transport = new FakeTransport();
    private final NetronClient client = NetronClient.over(transport);

    private Library library(java.util.function.Function<Invocation, Object> answer) {
        transport.answering(answer);
        return client.service(Library.class);
    }

    // --- method mapping and arguments ---

    @Test
    void aCallNamesTheServiceFromItsServiceAnnotationAndTheMethodByItsName() {
        library(call -> 3).count();

        Invocation call = transport.lastInvocation();
        assertThat(call.service()).isEqualTo("library@2.1.0");
        assertThat(call.method()).isEqualTo("count");
    }

    @Test
    void argumentsArePassedInOrderWithNullsKept() {
        library(call -> "x").title(42L, true, null);

        assertThat(transport.lastInvocation().arguments()).containsExactly(42L, true, null);
    }

    @Test
    void aMethodWithoutParametersSendsNoArguments() {
        library(call -> 0).count();

        assertThat(transport.lastInvocation().arguments()).isEmpty();
    }

    @Test
    void aServiceNameGivenToTheClientOverridesTheAnnotation() {
        transport.answering(call -> 1);
        client.service(Library.class, "library@1.0.0").count();

        assertThat(transport.lastInvocation().service()).isEqualTo("library@1.0.0");
    }

    @Test
    void everyCallCarriesTheClientTimeout() {
        transport.answering(call -> 1);
        client.service(Library.class).count();
        client.withTimeout(Duration.ofMillis(1500)).service(Library.class).count();

        assertThat(transport.invocations()).extracting(Invocation::timeout)
                .containsExactly(NetronClient.DEFAULT_TIMEOUT, Duration.ofMillis(1500));
    }

    // --- return conversion ---

    @Test
    void aPrimitiveResultIsReturnedAsItsDeclaredType() {
        assertThat(library(call -> 7.0).count()).isEqualTo(7);
        assertThat(transport.lastInvocation().resultType()).isEqualTo(int.class);
    }

    @Test
    void aRecordResultIsBuiltFromTheMapOnTheWire() {
        assertThat(library(call -> DUNE).book(1)).isEqualTo(new Book("Dune", 1965, List.of("Frank Herbert")));
    }

    @Test
    void aGenericResultTypeKeepsItsTypeArguments() {
        List<Book> shelf = library(call -> List.of(DUNE, DUNE)).shelf("sf");

        assertThat(transport.lastInvocation().resultType()).isInstanceOf(ParameterizedType.class)
                .hasToString("java.util.List<dev.aether.netron.client.Library$Book>");
        assertThat(shelf).hasSize(2).allSatisfy(book -> assertThat(book).isInstanceOf(Book.class));
    }

    @Test
    void nestedGenericsAreConvertedAllTheWayDown() {
        Map<String, List<Integer>> years = library(call -> Map.of("Herbert", List.of(1965.0, 1969.0))).yearsByAuthor();

        assertThat(years).isEqualTo(Map.of("Herbert", List.of(1965, 1969)));
        assertThat(years.get("Herbert").get(0)).isInstanceOf(Integer.class);
    }

    @Test
    void anOptionalResultIsEmptyForNull() {
        assertThat(library(call -> null).find("nothing")).isEmpty();
    }

    @Test
    void aPrimitiveMethodAnsweredWithNothingIsAnInvalidResponseNotANullPointer() {
        Library library = library(call -> null);

        assertThatThrownBy(library::count).isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code()).isEqualTo(500))
                .hasMessageContaining("library@2.1.0.count");
    }

    @Test
    void aFutureOfAnOptionalCompletesEmptyForNull() throws Exception {
        transport.holding();
        CompletableFuture<Optional<Book>> later = client.service(Library.class).findLater("nothing");

        assertThat(later).isNotDone();
        transport.nextPending().reply().complete(null);
        assertThat(later.join()).isEmpty();
    }

    @Test
    void aVoidMethodReturnsNothingWhateverTheTransportAnswers() {
        library(call -> "ignored").lend(1, "ada");

        assertThat(transport.lastInvocation().method()).isEqualTo("lend");
        assertThat(transport.lastInvocation().arguments()).containsExactly(1L, "ada");
    }

    // --- asynchronous methods ---

    @Test
    void aCompletableFutureMethodReturnsAtOnceAndCompletesWithTheAnswer() throws Exception {
        transport.holding();
        CompletableFuture<Book> later = client.service(Library.class).bookLater(1);

        assertThat(later).isNotDone();
        FakeTransport.Pending call = transport.nextPending();
        assertThat(call.invocation().resultType()).isEqualTo(Book.class);
        call.reply().complete(new Book("Dune", 1965, List.of()));
        assertThat(later.get(5, TimeUnit.SECONDS).title()).isEqualTo("Dune");
    }

    @Test
    void aFutureOfAGenericTypeAsksForTheTypeInsideTheFuture() {
        CompletableFuture<List<Book>> later = library(call -> List.of(DUNE)).shelfLater("sf");

        assertThat(transport.lastInvocation().resultType()).hasToString("java.util.List<dev.aether.netron.client.Library$Book>");
        assertThat(later.join()).containsExactly(new Book("Dune", 1965, List.of("Frank Herbert")));
    }

    @Test
    void aCompletionStageMethodIsAsynchronousToo() {
        CompletionStage<Integer> stage = library(call -> 9).countStage();

        assertThat(stage.toCompletableFuture().join()).isEqualTo(9);
        assertThat(transport.lastInvocation().resultType()).isEqualTo(Integer.class);
    }

    @Test
    void aFailedAsynchronousCallFailsItsFutureWithTheServerError() {
        CompletableFuture<Book> later = library(call -> {
            throw new PermissionException("no");
        }).bookLater(1);

        assertThatThrownBy(later::get).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(PermissionException.class);
    }

    // --- errors ---

    @Test
    void aBlockingCallThrowsTheServerErrorItselfNotAWrapper() {
        Library library = library(call -> {
            throw RpcException.timeout("too slow");
        });

        assertThatThrownBy(library::count).isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.code()).isEqualTo(408));
    }

    @Test
    void anInterruptedBlockingCallCancelsTheCallAndKeepsTheInterrupt() throws Exception {
        transport.holding();
        Library library = client.service(Library.class);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
        Thread caller = Thread.ofVirtual().start(() -> {
            try {
                library.slow();
            } catch (Throwable t) {
                thrown.set(t);
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            }
        });
        FakeTransport.Pending call = transport.nextPending();
        caller.interrupt();
        caller.join(5000);

        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
        assertThat(stillInterrupted.get()).isTrue();
        assertThat(call.reply()).isCancelled();
    }

    // --- methods that never reach the transport ---

    @Test
    void aDefaultMethodRunsLocallyAndCallsTheServiceForItsParts() {
        String description = library(call -> DUNE).describe(7);

        assertThat(description).isEqualTo("Dune (1965)");
        assertThat(transport.invocations()).extracting(Invocation::method).containsExactly("book");
        assertThat(transport.lastInvocation().arguments()).containsExactly(7L);
    }

    @Test
    void objectMethodsAreAnsweredByTheProxyItself() {
        Library library = library(call -> {
            throw new AssertionError("Object methods must not be sent");
        });
        Library other = client.service(Library.class);

        assertThat(library.toString()).contains("Library").contains("library@2.1.0");
        assertThat(library).isEqualTo(library).isNotEqualTo(other);
        assertThat(library.hashCode()).isEqualTo(System.identityHashCode(library));
        assertThat(transport.invocations()).isEmpty();
    }

    // --- building proxies ---

    @Test
    void aClassIsRejectedAsAContract() {
        assertThatThrownBy(() -> client.service(String.class, "strings@1.0.0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an interface");
    }

    @Test
    void aMalformedServiceNameIsRejectedWhenTheProxyIsMadeNotOnTheFirstCall() {
        assertThatThrownBy(() -> client.service(Library.class, "not a name!")).isInstanceOf(IllegalArgumentException.class);
        assertThat(transport.invocations()).isEmpty();
    }

    @Test
    void aContractWithoutServiceAnnotationNeedsAName() {
        assertThatThrownBy(() -> client.service(Runnable.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("@Service");
    }

    @Test
    void argumentsAreCopiedSoALaterChangeToTheArrayIsNotSent() {
        Object[] args = {1L, "a"};
        Invocation invocation = new Invocation("library", "m", Arrays.asList(args), null, Duration.ofSeconds(1));
        args[1] = "changed";

        assertThat(invocation.arguments()).containsExactly(1L, "a");
        assertThat(invocation.resultType()).isEqualTo(Object.class);
    }

    @Test
    void optionalResultCarriesAValueWhenThereIsOne() {
        Optional<Book> found = library(call -> DUNE).find("Dune");

        assertThat(found).contains(new Book("Dune", 1965, List.of("Frank Herbert")));
    }
}
