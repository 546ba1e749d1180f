package dev.aether.netron.client.middleware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.aether.netron.client.FakeTransport;
import dev.aether.netron.client.Library;
import dev.aether.netron.client.NetronClient;
import dev.aether.netron.client.auth.AuthTokens;
import dev.aether.netron.client.auth.MemoryTokenStore;
import dev.aether.netron.client.call.Call;
import dev.aether.netron.protocol.error.TransportException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Middleware on the interceptor chain, against the fake transport. */
class MiddlewareTest {
    private final FakeTransport transport = new FakeTransport().answering(call -> 3);
    private final List<String> trace = new CopyOnWriteArrayList<>();

    private NetronClient clientWith(MiddlewareInterceptor middleware) {
        return NetronClient.builder(transport).interceptor(middleware).build();
    }

    /** Notes each of its stages in the trace under its name. */
    private Middleware tracing(String name) {
        return new Middleware() {
            @Override
            public Before before(MiddlewareContext context) {
                trace.add("before " + name);
                return Before.proceed(context.call());
            }

            @Override
            public Object after(MiddlewareContext context, Object result) {
                trace.add("after " + name);
                return result;
            }

            @Override
            public Throwable error(MiddlewareContext context, Throwable error) {
                trace.add("error " + name);
                return error;
            }
        };
    }

    @Test
    void stagesRunInAscendingPriorityBeforeTheCallAndInReverseAfterIt() {
        NetronClient client = clientWith(MiddlewareInterceptor.builder()
                .use("late", tracing("late"), MiddlewareScope.everyCall(), 200)
                .use("default", tracing("default"))
                .use("early", tracing("early"), MiddlewareScope.everyCall(), 10)
                .build());

        client.service(Library.class).count();

        assertThat(trace).containsExactly("before early", "before default", "before late", "after late", "after default", "after early");
    }

    @Test
    void errorStagesRunInReverseAndMayReplaceTheError() {
        transport.answering(call -> {
            throw TransportException.unavailable("down");
        });
        NetronClient client = clientWith(MiddlewareInterceptor.builder()
                .use("outer", tracing("outer"), MiddlewareScope.everyCall(), 1)
                .use("friendly", new ErrorTransform(error -> new IllegalStateException("library unavailable", error)), MiddlewareScope.everyCall(), 2)
                .build());

        assertThatThrownBy(() -> client.service(Library.class).count())
                .isInstanceOf(IllegalStateException.class).hasMessage("library unavailable").hasCauseInstanceOf(TransportException.class);
        assertThat(trace).containsExactly("before outer", "error outer");
    }

    @Test
    void middlewareScopedToAServiceOrToMethodsSeesOnlyThoseCalls() {
        NetronClient client = clientWith(MiddlewareInterceptor.builder()
                .use("book methods", tracing("book methods"), MiddlewareScope.methods("libr*", "book*", "title"))
                .use("other service", tracing("other service"), MiddlewareScope.services("users"))
                .use("pinned version", tracing("pinned version"), MiddlewareScope.services("library@2.1.?"))
                .build());
        transport.answering(call -> call.method().equals("count") ? 3 : new Library.Book("Dune", 1965, List.of()));

        client.service(Library.class).count();
        assertThat(trace).containsExactly("before pinned version", "after pinned version");
        trace.clear();
        client.service(Library.class).book(1);
        assertThat(trace).containsExactly("before book methods", "before pinned version", "after pinned version", "after book methods");
    }

    @Test
    void aMiddlewareThatAnswersSkipsTheRestAndTheServer() {
        NetronClient client = clientWith(MiddlewareInterceptor.builder()
                .use("outer", tracing("outer"), MiddlewareScope.everyCall(), 1)
                .use("offline", context -> Middleware.Before.answer(42), MiddlewareScope.everyCall(), 2)
                .use("inner", tracing("inner"), MiddlewareScope.everyCall(), 3)
                .build());

        assertThat(client.service(Library.class).count()).isEqualTo(42);

        assertThat(transport.invocations()).isEmpty();
        assertThat(trace).containsExactly("before outer", "after outer");
    }

    @Test
    void aPreRequestStageMayChangeTheCall() {
        NetronClient client = clientWith(MiddlewareInterceptor.builder()
                .use("shorter", context -> Middleware.Before.proceed(context.call().withOptions(
                        context.call().options().toBuilder().timeout(Duration.ofSeconds(3)).build())))
                .build());

        client.service(Library.class).count();

        assertThat(transport.lastInvocation().timeout()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void aStageThatThrowsFailsTheCallWithWhatItThrewAndTheOuterErrorStagesSeeIt() {
        NetronClient client = clientWith(MiddlewareInterceptor.builder()
                .use("outer", tracing("outer"), MiddlewareScope.everyCall(), 1)
                .use("broken", context -> {
                    throw new IllegalArgumentException("bad call");
                }, MiddlewareScope.everyCall(), 2)
                .build());

        assertThatThrownBy(() -> client.service(Library.class).count()).isInstanceOf(IllegalArgumentException.class).hasMessage("bad call");
        assertThat(transport.invocations()).isEmpty();
        assertThat(trace).containsExactly("before outer", "error outer");
    }

    @Test
    void eachMiddlewaresTimeIsKeptByName() {
        MiddlewareInterceptor middleware = MiddlewareInterceptor.builder()
                .use("first", tracing("first"))
                .use("only count", tracing("only count"), MiddlewareScope.methods("*", "count"))
                .build();
        NetronClient client = clientWith(middleware);

        client.service(Library.class).count();
        client.service(Library.class).count();
        transport.answering(call -> "t");
        client.service(Library.class).title(1, false, "x");

        assertThat(middleware.timings()).containsOnlyKeys("first", "only count");
        assertThat(middleware.timings().get("first").calls()).isEqualTo(3);
        assertThat(middleware.timings().get("only count").calls()).isEqualTo(2);
        assertThat(middleware.timings().get("first").total()).isPositive();
    }

    @Test
    void twoMiddlewareCannotShareAName() {
        assertThatThrownBy(() -> MiddlewareInterceptor.builder().use("log", tracing("a")).use("log", tracing("b")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("log");
    }

    @Test
    void theBearerTokenMiddlewareSendsTheStoredAccessToken() {
        MemoryTokenStore tokens = new MemoryTokenStore();
        NetronClient client = clientWith(MiddlewareInterceptor.builder().use("auth", new BearerTokenMiddleware(tokens)).build());

        client.service(Library.class).count();
        assertThat(transport.lastInvocation().token()).isNull();
        tokens.save(AuthTokens.of("t-1"));
        client.service(Library.class).count();
        assertThat(transport.lastInvocation().token()).isEqualTo("t-1");
    }

    @Test
    void theTimingMiddlewareReportsCallsSlowerThanItsThreshold() {
        List<Call> slow = new CopyOnWriteArrayList<>();
        NetronClient always = clientWith(MiddlewareInterceptor.builder()
                .use("timing", new TimingMiddleware(Duration.ZERO, (call, took, failed) -> slow.add(call))).build());
        NetronClient never = clientWith(MiddlewareInterceptor.builder()
                .use("timing", new TimingMiddleware(Duration.ofHours(1), (call, took, failed) -> slow.add(call))).build());

        never.service(Library.class).count();
        assertThat(slow).isEmpty();
        always.service(Library.class).count();
        assertThat(slow).singleElement().satisfies(call -> assertThat(call.method()).isEqualTo("count"));
    }

    @Test
    void theLoggingMiddlewareEscapesAHostileErrorMessage() {
        Logger logger = (Logger) LoggerFactory.getLogger("test.netron.calls");
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        logger.addAppender(captured);
        logger.setLevel(Level.DEBUG);
        logger.setAdditive(false);
        transport.answering(call -> {
            throw TransportException.unavailable("down\nINFO forged line\u2028");
        });
        NetronClient client = clientWith(MiddlewareInterceptor.builder().use("log", new LoggingMiddleware(logger)).build());

        assertThatThrownBy(() -> client.service(Library.class).count()).isInstanceOf(TransportException.class);

        assertThat(captured.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.DEBUG, Level.WARN);
        String warning = captured.list.get(1).getFormattedMessage();
        assertThat(warning).startsWith("call library@2.1.0.count failed in ").contains(": 503 down\\nINFO forged line\\u2028")
                .doesNotContain("\n").doesNotContain("\u2028");
    }
}
