package dev.aether.state.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.reactive.Reactive;
import dev.aether.reactive.ReactiveContext;
import dev.aether.reactive.Signal;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** An optimistic store action: shown at once, rolled back on failure, one in flight at a time. */
class OptimisticActionTest {
    private final Signal<Integer> likes = Reactive.signal(10);
    private final CompletableFuture<String> server = new CompletableFuture<>();
    private final OptimisticAction<Integer, String> like = OptimisticAction.optimistic(
            by -> server, by -> likes.update(n -> n + by), by -> likes.update(n -> n - by));

    @Test
    void theUpdateShowsAtOnce() {
        like.run(1);

        assertThat(likes.get()).isEqualTo(11);
        assertThat(like.pending().get()).isTrue();
    }

    @Test
    void aFailedActionIsRolledBackOnTheContext() {
        CompletableFuture<String> result = like.run(1);

        new Thread(() -> server.completeExceptionally(new IllegalStateException("refused"))).start();
        ReactiveContext.current().awaitCondition(result::isDone, Duration.ofSeconds(10));

        assertThat(likes.get()).isEqualTo(10);
        assertThat(result).isCompletedExceptionally();
        assertThat(like.pending().get()).isFalse();
    }

    @Test
    void aSucceededActionKeepsItsUpdate() {
        CompletableFuture<String> result = like.run(1);

        new Thread(() -> server.complete("ok")).start();
        ReactiveContext.current().awaitCondition(result::isDone, Duration.ofSeconds(10));

        assertThat(likes.get()).isEqualTo(11);
        assertThat(result).isCompletedWithValue("ok");
    }

    @Test
    void aSecondRunWhileOneIsInFlightIsRefusedAndAppliesNothing() {
        like.run(1);

        CompletableFuture<String> second = like.run(5);

        assertThat(second).isCompletedExceptionally();
        assertThat(likes.get()).isEqualTo(11);
    }
}
