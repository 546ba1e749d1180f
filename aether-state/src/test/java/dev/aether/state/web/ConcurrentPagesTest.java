package dev.aether.state.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.reactive.Disposable;
import dev.aether.reactive.Reactive;
import dev.aether.reactive.ReactiveContext;
import dev.aether.state.AetherState;
import dev.aether.state.UserService;
import dev.aether.state.Users;
import dev.aether.titan.Titan;
import dev.aether.titan.event.InProcessEventBus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Many live pages rendering the same query at once, as a server renders them: each on its own
 * session context, observing and letting go of one entry concurrently. (Two of them once
 * deadlocked in the registry: the entry's lock and the cache's key lock taken in opposite orders.)
 */
class ConcurrentPagesTest {
    @Test
    void pagesObservingOneQueryAtOnceNeitherDeadlockNorFetchMoreThanTheEntryNeeds() throws Exception {
        UserService users = new UserService(new InProcessEventBus());
        Titan titan = Titan.builder().port(0).service(users).build().start();
        try {
            AetherState state = AetherState.create(titan.client());
            List<ReactiveContext> pages = new ArrayList<>();
            List<CompletableFuture<Void>> rendered = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                ReactiveContext page = ReactiveContext.create("page-" + i);
                pages.add(page);
                rendered.add(CompletableFuture.runAsync(() -> {
                    for (int round = 0; round < 50; round++) {
                        Disposable owner = page.call(() -> Reactive.createRoot(dispose -> {
                            state.query(Users.class, Users::list);
                            return dispose;
                        }));
                        page.run(owner::dispose);
                    }
                }));
            }
            CompletableFuture.allOf(rendered.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            pages.forEach(ReactiveContext::close);
            assertThat(users.calls("list")).isPositive();
        } finally {
            titan.stop();
        }
    }
}
