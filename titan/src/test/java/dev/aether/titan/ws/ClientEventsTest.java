package dev.aether.titan.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aether.netron.client.NetronClient;
import dev.aether.netron.client.event.EventSubscription;
import dev.aether.netron.client.ws.ReconnectingTransport;
import dev.aether.netron.protocol.Service;
import dev.aether.netron.protocol.error.PermissionException;
import dev.aether.titan.Titan;
import dev.aether.titan.event.EventAccess;
import dev.aether.titan.fixtures.Tokens;
import java.time.Duration;
import java.util.List;
import dev.aether.netron.client.event.Subscriptions;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code client.subscribe(...)} of the Java client against a real Titan over a real WebSocket. */
class ClientEventsTest {
    /** The contract a client sees of {@link UserDirectory}. */
    @Service("users@1.0.0")
    public interface Users {
        UserDirectory.User create(String name);
    }

    private static Titan titan;
    private NetronClient client;

    @BeforeAll
    static void start() {
        titan = Titan.builder().port(0).service(UserDirectory.class).authenticator(new Tokens())
                .event("audit.entry", EventAccess.roles("admin")).build().start();
    }

    @AfterAll
    static void stop() {
        titan.stop();
    }

    @AfterEach
    void closeClient() {
        if (client != null) {
            client.close();
        }
    }

    @Test
    void aHandlerReceivesTheEventAServiceEmitsAsATypedValue() throws InterruptedException {
        client = NetronClient.websocket(titan.webSocketUri());
        BlockingQueue<UserDirectory.User> created = new LinkedBlockingQueue<>();
        try (EventSubscription ignored = client.subscribe("user.created", UserDirectory.User.class, created::add)) {
            UserDirectory.User alice = client.service(Users.class).create("Alice");
            assertThat(created.poll(10, TimeUnit.SECONDS)).isEqualTo(alice);
        }
    }

    @Test
    void handlersOfOneEventShareOneWireSubscriptionUntilTheLastCloses() throws InterruptedException {
        client = NetronClient.websocket(titan.webSocketUri());
        int before = titan.events().listenerCount();
        EventSubscription first = client.subscribe("user.created", UserDirectory.User.class, user -> { });
        EventSubscription second = client.subscribe("user.created", UserDirectory.User.class, user -> { });
        assertThat(titan.events().listenerCount()).isEqualTo(before + 1);

        first.close();
        assertThat(client.service(Users.class).create("Bob")).isNotNull();   // a round trip after the close
        assertThat(titan.events().listenerCount()).as("one handle still open").isEqualTo(before + 1);

        second.close();
        await(() -> titan.events().listenerCount() - before);
        assertThat(((ReconnectingTransport) client.transport()).handlerCount()).isZero();
    }

    @Test
    void aFailingHandlerDoesNotStopTheOthers() throws InterruptedException {
        // The failure is logged (java.util.logging, as the client logs): captured here and asserted, not printed.
        Logger log = Logger.getLogger(Subscriptions.class.getName());
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(capture);
        log.setUseParentHandlers(false);
        try {
            heardDespiteAFailingHandler();
        } finally {
            log.removeHandler(capture);
            log.setUseParentHandlers(true);
        }
        assertThat(logged).hasSize(2).allSatisfy(record -> {
            assertThat(record.getLevel()).isEqualTo(Level.WARNING);
            assertThat(record.getThrown()).hasMessage("handler bug");
        });
    }

    private void heardDespiteAFailingHandler() throws InterruptedException {
        client = NetronClient.websocket(titan.webSocketUri());
        BlockingQueue<String> heard = new LinkedBlockingQueue<>();
        try (EventSubscription failing = client.subscribe("user.created", UserDirectory.User.class, user -> {
                 throw new IllegalStateException("handler bug");
             });
             EventSubscription working = client.subscribe("user.created", UserDirectory.User.class, user -> heard.add(user.name()))) {
            client.service(Users.class).create("Carol");
            client.service(Users.class).create("Dave");
            assertThat(List.of(heard.poll(10, TimeUnit.SECONDS), heard.poll(10, TimeUnit.SECONDS))).containsExactly("Carol", "Dave");
        }
    }

    @Test
    void subscribingToAnEventThePeerMayNotSeeThrows403AndKeepsNoHandler() {
        client = NetronClient.websocket(titan.webSocketUri(), Tokens.USER);
        assertThatThrownBy(() -> client.subscribe("audit.entry", String.class, entry -> { }))
                .isInstanceOf(PermissionException.class);
        assertThat(((ReconnectingTransport) client.transport()).handlerCount()).isZero();
    }

    @Test
    void anEventWithSeveralArgumentsReachesARawHandlerWhole() throws InterruptedException {
        client = NetronClient.websocket(titan.webSocketUri(), Tokens.ADMIN);
        BlockingQueue<List<Object>> heard = new LinkedBlockingQueue<>();
        try (EventSubscription ignored = client.subscribe("audit.entry", heard::add)) {
            titan.events().emit("audit.entry", "login", 7);
            assertThat(heard.poll(10, TimeUnit.SECONDS)).containsExactly("login", 7);
        }
    }

    static void await(IntSupplier zero) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (zero.getAsInt() != 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(zero.getAsInt()).isZero();
    }
}
