package dev.aether.web.router;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.web.PageRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The loaders of a request: each outcome kept apart, and none waited for beyond the deadline. */
class LoaderResultsTest {
    static final PageRequest GET = new PageRequest("GET", "/", Map.of(), Map.of());

    static LoaderArgs.Shared shared(Optional<dev.aether.titan.Principal> principal) {
        return new LoaderArgs.Shared(GET, principal, null, new DeferredWork(Duration.ofSeconds(10)));
    }

    @Test
    void eachLoaderKeepsItsOwnOutcome() throws Exception {
        Loader<NoParams, String> fine = Loader.of("fine", args -> "ok");
        Loader<NoParams, String> broken = Loader.of("broken", args -> {
            throw new IllegalStateException("down");
        });
        var outcomes = LoaderResults.run(List.of(new LoaderResults.Task<>(fine, NoParams.NONE), new LoaderResults.Task<>(broken, NoParams.NONE)),
                shared(Optional.empty()), Duration.ofSeconds(10));
        assertThat(outcomes.get(fine)).isEqualTo(new LoaderResults.Outcome.Loaded("ok"));
        assertThat(outcomes.get(broken)).isInstanceOfSatisfying(LoaderResults.Outcome.Failed.class,
                f -> assertThat(f.error()).hasMessage("down"));
    }

    @Test
    void aLoaderStillRunningAtTheDeadlineFailsAndIsInterrupted() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        Loader<NoParams, String> stuck = Loader.of("stuck", args -> {
            try {
                new CountDownLatch(1).await();   // a call that never answers
                return "never";
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
        });
        var outcomes = LoaderResults.run(List.of(new LoaderResults.Task<>(stuck, NoParams.NONE)), shared(Optional.empty()), Duration.ofMillis(100));
        assertThat(outcomes.get(stuck)).isInstanceOfSatisfying(LoaderResults.Outcome.Failed.class,
                f -> assertThat(f.error()).isInstanceOf(TimeoutException.class));
        assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aLoaderGetsItsParamsTheRequestAndThePrincipal() throws Exception {
        record Seen(NoParams params, String path, Optional<dev.aether.titan.Principal> principal) {
        }
        Loader<NoParams, Seen> seeing = Loader.of("seeing", args -> new Seen(args.params(), args.request().path(), args.principal()));
        var who = Optional.of(new dev.aether.titan.Principal("u-1", null, null, null, null));
        var outcomes = LoaderResults.run(List.of(new LoaderResults.Task<>(seeing, NoParams.NONE)), shared(who), Duration.ofSeconds(10));
        assertThat(outcomes.get(seeing)).isEqualTo(new LoaderResults.Outcome.Loaded(new Seen(NoParams.NONE, "/", who)));
    }

    @Test
    void aLoaderOfATreeWithoutAClientIsToldHowToGiveItOne() throws Exception {
        Loader<NoParams, Object> calling = Loader.of("calling", LoaderArgs::client);
        var outcomes = LoaderResults.run(List.of(new LoaderResults.Task<>(calling, NoParams.NONE)), shared(Optional.empty()), Duration.ofSeconds(10));
        assertThat(outcomes.get(calling)).isInstanceOfSatisfying(LoaderResults.Outcome.Failed.class, f -> assertThat(f.error())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("this route tree has no Netron client: give it one with RouteTree.builder().client(...)"));
    }
}
