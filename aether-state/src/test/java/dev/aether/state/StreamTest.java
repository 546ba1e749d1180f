package dev.aether.state;

import static dev.aether.reactive.Reactive.signal;
import static dev.aether.state.Owners.await;
import static dev.aether.state.Owners.owned;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.reactive.Signal;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Streams as signals, against a real Titan over WebSocket. */
class StreamTest {
    private final RealTitan server = new RealTitan();
    private final AetherState state = AetherState.create(server.webSocketClient());

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aStreamConnectsAndShowsTheLatestItem() {
        var numbers = owned(() -> state.stream(Feed.class, f -> f.numbers("a"), StreamOptions.latest()));
        assertThat(numbers.value().status().get()).isEqualTo(StreamStatus.CONNECTING);

        server.feed.push("a", 1);
        server.feed.push("a", 2);

        await(() -> Integer.valueOf(2).equals(numbers.value().latest().get()));
        assertThat(numbers.value().status().get()).isEqualTo(StreamStatus.CONNECTED);
        numbers.owner().dispose();
    }

    @Test
    void aWindowKeepsTheLatestItemsOldestFirst() {
        var numbers = owned(() -> state.stream(Feed.class, f -> f.numbers("w"), StreamOptions.window(3)));

        for (int i = 1; i <= 5; i++) {
            server.feed.push("w", i);
        }

        await(() -> numbers.value().window().get().equals(java.util.List.of(3, 4, 5)));
        numbers.owner().dispose();
    }

    @Test
    void disposingTheOwnerClosesTheStreamOnTheServer() {
        var numbers = owned(() -> state.stream(Feed.class, f -> f.numbers("c"), StreamOptions.latest()));
        server.feed.push("c", 1);
        await(() -> numbers.value().latest().get() != null);
        assertThat(server.feed.open).hasValue(1);

        numbers.owner().dispose();

        assertThat(numbers.value().status().get()).isEqualTo(StreamStatus.DISCONNECTED);
        await(() -> server.feed.open.get() == 0);
    }

    @Test
    void aFailedStreamShowsTheErrorAndReconnectsAfterItsBackoff() {
        var numbers = owned(() -> state.stream(Feed.class, f -> f.numbers("r"),
                StreamOptions.latest().reconnect(Duration.ofMillis(50), Duration.ofMillis(200))));
        server.feed.push("r", 1);
        await(() -> numbers.value().latest().get() != null);

        server.feed.fail("r");
        await(() -> numbers.value().status().get() == StreamStatus.ERROR);
        assertThat(numbers.value().error().get()).hasMessageContaining("the feed broke");

        await(() -> server.feed.calls.get() == 2);
        server.feed.push("r", 7);
        await(() -> Integer.valueOf(7).equals(numbers.value().latest().get()));
        assertThat(numbers.value().status().get()).isEqualTo(StreamStatus.CONNECTED);
        numbers.owner().dispose();
    }

    @Test
    void theBackoffDoublesFromOneSecondToThirtyByDefault() {
        StreamOptions defaults = StreamOptions.latest();

        assertThat(defaults.delay(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(defaults.delay(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(defaults.delay(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(defaults.delay(6)).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.delay(50)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void changingASignalTheCallReadsMovesToTheNewStream() {
        Signal<String> channel = signal("x");
        var numbers = owned(() -> state.stream(Feed.class, f -> f.numbers(channel.get()), StreamOptions.latest()));
        server.feed.push("x", 1);
        await(() -> numbers.value().latest().get() != null);

        channel.set("y");
        server.feed.push("y", 42);

        await(() -> Integer.valueOf(42).equals(numbers.value().latest().get()));
        await(() -> server.feed.open.get() == 1);
        numbers.owner().dispose();
    }
}
