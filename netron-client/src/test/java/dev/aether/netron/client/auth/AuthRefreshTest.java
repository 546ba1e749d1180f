package dev.aether.netron.client.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.netron.client.FakeTransport;
import dev.aether.netron.client.Library;
import dev.aether.netron.client.NetronClient;
import dev.aether.netron.protocol.error.AuthException;
import dev.aether.netron.protocol.error.NetronException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** 401 → one coalesced refresh, then the calls go again; a failed refresh ends the session. */
class AuthRefreshTest {
    private final FakeTransport transport = new FakeTransport().holding();
    private final MemoryTokenStore tokens = new MemoryTokenStore(new AuthTokens("old", "r-1"));
    private final AtomicInteger refreshes = new AtomicInteger();
    private final CompletableFuture<AuthTokens> refreshed = new CompletableFuture<>();
    private final List<Throwable> expiredSessions = new CopyOnWriteArrayList<>();
    private final NetronClient client = NetronClient.builder(transport)
            .interceptor(new AuthRefreshInterceptor(tokens, expired -> {
                refreshes.incrementAndGet();
                assertThat(expired.refreshToken()).isEqualTo("r-1");
                return refreshed;
            }, expiredSessions::add))
            .build();

    private List<CompletableFuture<Integer>> tenCallsAllRejected() throws InterruptedException {
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            answers.add(client.service(Library.class).countStage().toCompletableFuture());
        }
        for (int i = 0; i < 10; i++) {
            FakeTransport.Pending pending = transport.nextPending();
            assertThat(pending.invocation().token()).isEqualTo("old");
            pending.reply().completeExceptionally(new AuthException("token expired"));
        }
        return answers;
    }

    @Test
    void tenConcurrentUnauthorizedCallsMakeOneRefreshThenAllGoAgainWithTheNewToken() throws Exception {
        List<CompletableFuture<Integer>> answers = tenCallsAllRejected();

        refreshed.complete(new AuthTokens("new", "r-2"));
        for (int i = 0; i < 10; i++) {
            FakeTransport.Pending again = transport.nextPending();
            assertThat(again.invocation().token()).isEqualTo("new");
            again.reply().complete(7);
        }

        assertThat(answers).allSatisfy(answer -> assertThat(answer).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(7));
        assertThat(refreshes).hasValue(1);
        assertThat(tokens.load()).contains(new AuthTokens("new", "r-2"));
        assertThat(expiredSessions).isEmpty();
    }

    @Test
    void aCallRejectedAfterTheRefreshGoesAgainWithTheNewTokenWithoutAnotherRefresh() throws Exception {
        CompletableFuture<Integer> early = client.service(Library.class).countStage().toCompletableFuture();
        CompletableFuture<Integer> late = client.service(Library.class).countStage().toCompletableFuture();
        FakeTransport.Pending first = transport.nextPending();
        FakeTransport.Pending second = transport.nextPending();
        first.reply().completeExceptionally(new AuthException("token expired"));
        refreshed.complete(AuthTokens.of("new"));
        transport.nextPending().reply().complete(1);

        second.reply().completeExceptionally(new AuthException("token expired"));  // sent with "old" before the refresh
        FakeTransport.Pending lateAgain = transport.nextPending();
        assertThat(lateAgain.invocation().token()).isEqualTo("new");
        lateAgain.reply().complete(2);

        assertThat(early).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(1);
        assertThat(late).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(2);
        assertThat(refreshes).hasValue(1);
    }

    @Test
    void aRefreshThatFailsEndsTheSessionOnceAndEveryWaitingCallFailsWith401() throws Exception {
        List<CompletableFuture<Integer>> answers = tenCallsAllRejected();

        refreshed.completeExceptionally(new AuthException("refresh token revoked"));

        assertThat(answers).allSatisfy(answer -> assertThat(answer).failsWithin(Duration.ofSeconds(5))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .havingCause().isInstanceOfSatisfying(NetronException.class, e -> {
                    assertThat(e.code()).isEqualTo(401);
                    assertThat(e.getMessage()).contains("Session expired");
                }));
        assertThat(expiredSessions).singleElement().satisfies(cause -> assertThat(cause).hasMessage("refresh token revoked"));
        assertThat(tokens.load()).isEmpty();
        assertThat(refreshes).hasValue(1);
    }

    @Test
    void aCallStillRejectedWithTheNewTokenFailsWithoutASecondRefresh() throws Exception {
        CompletableFuture<Integer> answer = client.service(Library.class).countStage().toCompletableFuture();
        transport.nextPending().reply().completeExceptionally(new AuthException("token expired"));
        refreshed.complete(AuthTokens.of("new"));
        transport.nextPending().reply().completeExceptionally(new AuthException("still not allowed"));

        assertThat(answer).failsWithin(Duration.ofSeconds(5)).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .havingCause().withMessage("still not allowed");
        assertThat(refreshes).hasValue(1);
    }

    @Test
    void withoutStoredTokensA401IsPassedOnAndNothingIsRefreshed() throws Exception {
        tokens.clear();
        CompletableFuture<Integer> answer = client.service(Library.class).countStage().toCompletableFuture();
        FakeTransport.Pending pending = transport.nextPending();
        assertThat(pending.invocation().token()).isNull();
        pending.reply().completeExceptionally(new AuthException("who are you"));

        assertThat(answer).failsWithin(Duration.ofSeconds(5));
        assertThat(refreshes).hasValue(0);
    }
}
