package dev.aether.netron.client.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aether.netron.client.Library;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The one recording proxy: which method a lambda calls on a contract, with what, and the same call made again. */
class RecordedCallTest {
    /** A contract small enough to implement here, so a replay lands on real code. */
    interface Greeter {
        String greet(String name);
    }

    @Test
    void theMethodAndTheArgumentsTheLambdaPassesAreRecorded() {
        RecordedCall call = RecordedCall.of(Library.class, library -> library.title(7, true, null));

        assertThat(call.method().getName()).isEqualTo("title");
        assertThat(call.arguments()).containsExactly(7L, true, null);
    }

    @Test
    void aLambdaThatCallsNoMethodOrSeveralIsRefusedWithHowManyItCalled() {
        assertThatThrownBy(() -> RecordedCall.of(Library.class, library -> "nothing"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the lambda must call exactly one method of Library, it called 0");
        assertThatThrownBy(() -> RecordedCall.of(Library.class, library -> library.count() + library.count()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the lambda must call exactly one method of Library, it called 2");
    }

    @Test
    void aMethodThatAnswersAPrimitiveLetsTheLambdaRunToItsEnd() {
        RecordedCall call = RecordedCall.of(Library.class, library -> library.count() + 1);

        assertThat(call.method().getName()).isEqualTo("count");
        assertThat(call.arguments()).isEmpty();
    }

    @Test
    void aCallRecordedWhileAnotherIsBeingRecordedLeavesTheOuterOneWhole() {
        AtomicReference<RecordedCall> inner = new AtomicReference<>();

        RecordedCall outer = RecordedCall.of(Library.class, library -> {
            inner.set(RecordedCall.of(Library.class, Library::count));
            return library.book(42);
        });

        assertThat(inner.get().method().getName()).isEqualTo("count");
        assertThat(outer.method().getName()).isEqualTo("book");
        assertThat(outer.arguments()).containsExactly(42L);
    }

    @Test
    void aClassIsRefusedBecauseAContractIsAnInterface() {
        assertThatThrownBy(() -> RecordedCall.of(String.class, String::length))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.String is not an interface");
    }

    @Test
    void onlyMethodsThatAnswerACompletionStageReturnAFuture() {
        assertThat(RecordedCall.of(Library.class, library -> library.bookLater(1)).returnsFuture()).isTrue();
        assertThat(RecordedCall.of(Library.class, Library::countStage).returnsFuture()).isTrue();
        assertThat(RecordedCall.of(Library.class, library -> library.book(1)).returnsFuture()).isFalse();
    }

    @Test
    void aReplayMakesTheSameCallOnTheServiceItIsGiven() {
        RecordedCall call = RecordedCall.of(Greeter.class, greeter -> greeter.greet("Ada"));

        String answer = call.replay((Greeter) name -> "hello " + name);

        assertThat(answer).isEqualTo("hello Ada");
    }

    @Test
    void aReplayLetsTheServicesRuntimeExceptionThrough() {
        RecordedCall call = RecordedCall.of(Greeter.class, greeter -> greeter.greet(null));
        Greeter strict = name -> {
            throw new IllegalArgumentException("a name, please");
        };

        assertThatThrownBy(() -> call.replay(strict)).isExactlyInstanceOf(IllegalArgumentException.class).hasMessage("a name, please");
    }
}
