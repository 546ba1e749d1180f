package dev.aether.titan.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aether.netron.client.Invocation;
import dev.aether.netron.client.NetronClient;
import dev.aether.netron.client.event.EventSubscription;
import dev.aether.netron.client.event.SubscriptionState;
import dev.aether.netron.client.ws.ConnectionListener;
import dev.aether.netron.client.ws.ConnectionState;
import dev.aether.netron.client.ws.ReconnectPolicy;
import dev.aether.netron.client.ws.ReconnectingTransport;
import dev.aether.netron.protocol.error.NetronException;
import dev.aether.netron.protocol.error.RpcException;
import dev.aether.netron.protocol.error.TransportLostException;
import dev.aether.titan.Titan;
import dev.aether.titan.event.EventAccess;
import dev.aether.titan.stream.TestSubscriber;
import dev.aether.titan.stream.Tick;
import dev.aether.titan.stream.Ticker;
import dev.aether.titan.stream.TickerService;
import dev.aether.titan.fixtures.Tokens;
import dev.aether.titan.testing.CapturedLog;
import ch.qos.logback.classic.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Java client across a server restart: a real Titan is stopped and started again on the same
 * port while a client is subscribed; the client comes back by itself.
 */
class ReconnectTest {
    private static final ReconnectPolicy FAST = new ReconnectPolicy(Duration.ofMillis(50), Duration.ofMillis(400), 0.15);

    @RegisterExtension
    final CapturedLog titanLog = CapturedLog.of(Titan.class);

    private final BlockingQueue<ConnectionState> states = new LinkedBlockingQueue<>();
    private final BlockingQueue<NetronException> refusals = new LinkedBlockingQueue<>();
    private Titan titan;
    private NetronClient client;

    @AfterEach
    void tearDown() {
        if (client != null) {
            client.close();
        }
        if (titan != null) {
            titan.stop();
        }
    }

    private static Titan titan(int port, Object... services) {
        return titan(Titan.builder().port(port), services);
    }

    /** A Titan on which only admins may follow user.created (the "user" token loses it). */
    private static Titan adminsOnly(int port) {
        return titan(Titan.builder().port(port).event("user.created", EventAccess.roles("admin")));
    }

    private static Titan titan(Titan.Builder builder, Object... services) {
        builder.stopTimeout(Duration.ofMillis(200)).authenticator(new Tokens()).service(UserDirectory.class);
        for (Object service : services) {
            builder.service(service);
        }
        return builder.build().start();
    }

    private NetronClient connect(String token) {
        ReconnectingTransport transport = ReconnectingTransport.builder(titan.webSocketUri()).token(token).reconnect(FAST)
                .listener(new ConnectionListener() {
                    @Override
                    public void onStateChange(ConnectionState state) {
                        states.add(state);
                    }

                    @Override
                    public void onSubscriptionRefused(String event, NetronException cause) {
                        refusals.add(cause);
                    }
                }).connect();
        return NetronClient.over(transport, Duration.ofSeconds(10));
    }

    private void awaitState(ConnectionState expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        ConnectionState state;
        do {
            state = states.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } while (state != null && state != expected);
        assertThat(state).as("state reached").isEqualTo(expected);
    }

    @Test
    void afterARestartTheClientReconnectsResubscribesAndHearsNewEvents() throws InterruptedException {
        titan = titan(0);
        int port = titan.port();
        client = connect(Tokens.USER);
        awaitState(ConnectionState.CONNECTED);
        BlockingQueue<String> created = new LinkedBlockingQueue<>();
        EventSubscription subscription = client.subscribe("user.created", UserDirectory.User.class, user -> created.add(user.name()));

        titan.stop();
        awaitState(ConnectionState.RECONNECTING);
        titan = titan(port);
        awaitState(ConnectionState.CONNECTED);

        awaitListeners(1);
        client.service(ClientEventsTest.Users.class).create("after the restart");
        assertThat(created.poll(10, TimeUnit.SECONDS)).isEqualTo("after the restart");
        ReconnectingTransport transport = (ReconnectingTransport) client.transport();
        assertThat(transport.handlerCount()).as("no handler added by the reconnect").isEqualTo(1);
        assertThat(created.poll(300, TimeUnit.MILLISECONDS)).as("heard once").isNull();

        subscription.close();
        awaitListeners(0);
    }

    @Test
    void aSubscribeMadeWhileReconnectingIsPendingUntilTheNewConnectionConfirmsIt() throws InterruptedException {
        titan = titan(0);
        int port = titan.port();
        client = connect(Tokens.USER);
        titan.stop();
        awaitState(ConnectionState.RECONNECTING);

        BlockingQueue<String> created = new LinkedBlockingQueue<>();
        EventSubscription subscription = client.subscribe("user.created", UserDirectory.User.class, user -> created.add(user.name()));
        assertThat(subscription.state()).isEqualTo(SubscriptionState.PENDING);
        assertThat(subscription.confirmed()).isNotDone();

        titan = titan(port);
        assertThat(subscription.confirmed()).succeedsWithin(Duration.ofSeconds(15));
        assertThat(subscription.state()).isEqualTo(SubscriptionState.ACTIVE);
        client.service(ClientEventsTest.Users.class).create("heard after confirmation");
        assertThat(created.poll(10, TimeUnit.SECONDS)).isEqualTo("heard after confirmation");
    }

    @Test
    void aSubscribeMadeWhileReconnectingThatTheNewServerRefusesFailsItsHandle() throws InterruptedException {
        titan = titan(0);
        int port = titan.port();
        client = connect(Tokens.USER);
        titan.stop();
        awaitState(ConnectionState.RECONNECTING);
        EventSubscription subscription = client.subscribe("user.created", UserDirectory.User.class, user -> { });

        titan = adminsOnly(port);

        assertThat(subscription.confirmed()).failsWithin(Duration.ofSeconds(15)).withThrowableThat().havingCause()
                .isInstanceOfSatisfying(NetronException.class, refusal -> assertThat(refusal.code()).isEqualTo(403));
        assertThat(subscription.state()).isEqualTo(SubscriptionState.REFUSED);
        assertThat(refusals.poll(5, TimeUnit.SECONDS)).extracting(NetronException::code).isEqualTo(403);
        assertThat(((ReconnectingTransport) client.transport()).handlerCount()).isZero();
    }

    @Test
    void aRefusalOnResubscribeAfterAReconnectReachesTheListenerAndTheHandle() throws InterruptedException {
        titan = titan(0);
        int port = titan.port();
        client = connect(Tokens.USER);
        EventSubscription subscription = client.subscribe("user.created", UserDirectory.User.class, user -> { });
        assertThat(subscription.state()).isEqualTo(SubscriptionState.ACTIVE);

        titan.stop();
        awaitState(ConnectionState.RECONNECTING);
        assertThat(subscription.state()).as("waiting to be subscribed again").isEqualTo(SubscriptionState.PENDING);
        titan = adminsOnly(port);
        awaitState(ConnectionState.CONNECTED);

        NetronException refusal = refusals.poll(15, TimeUnit.SECONDS);
        assertThat(refusal).isNotNull().extracting(NetronException::code).isEqualTo(403);
        assertThat(subscription.state()).isEqualTo(SubscriptionState.REFUSED);
        assertThat(((ReconnectingTransport) client.transport()).handlerCount()).as("the refused handler is gone").isZero();
        assertThat(titan.events().listenerCount()).isZero();
    }

    @Test
    void anOpenStreamFailsWithTransportLostOnARestartAndIsNotResumed() throws InterruptedException {
        TickerService ticks = new TickerService();
        titan = titan(0, ticks);
        int port = titan.port();
        client = connect(null);
        TestSubscriber<Tick> open = TestSubscriber.of(client.service(Ticker.class).endless());
        open.request(Long.MAX_VALUE);
        open.awaitItems(3, Duration.ofSeconds(10));

        titan.stop();
        assertThat(open.awaitDone(Duration.ofSeconds(10))).isTrue();
        assertThat(open.error).isInstanceOf(TransportLostException.class);
        assertThat(ticks.endlessClosed.await(10, TimeUnit.SECONDS)).as("the server's source was cancelled").isTrue();

        TickerService after = new TickerService();
        titan = titan(port, after);
        awaitState(ConnectionState.CONNECTED);
        int received = open.items.size();
        TestSubscriber<Tick> again = TestSubscriber.of(client.service(Ticker.class).counted(3));
        again.request(Long.MAX_VALUE);
        assertThat(again.awaitDone(Duration.ofSeconds(10))).as("a new call streams on the new connection").isTrue();
        assertThat(again.items).hasSize(3);
        assertThat(open.items).as("the lost stream was not resumed").hasSize(received);
    }

    @Test
    void aCallMadeWhileDisconnectedWaitsForTheConnection() throws InterruptedException {
        titan = titan(0);
        int port = titan.port();
        client = connect(null);
        titan.stop();
        awaitState(ConnectionState.RECONNECTING);

        CompletableFuture<UserDirectory.User> waiting = CompletableFuture.supplyAsync(
                () -> client.service(ClientEventsTest.Users.class).create("patient"));
        titan = titan(port);

        assertThat(waiting).succeedsWithin(Duration.ofSeconds(15)).extracting(UserDirectory.User::name).isEqualTo("patient");
    }

    @Test
    void aCallMadeWhileDisconnectedFailsWith408AfterItsTimeout() throws InterruptedException {
        titan = titan(0);
        client = connect(null);
        titan.stop();
        titan = null;
        awaitState(ConnectionState.RECONNECTING);

        ClientEventsTest.Users impatient = client.withTimeout(Duration.ofMillis(300)).service(ClientEventsTest.Users.class);
        assertThatThrownBy(() -> impatient.create("nobody")).isInstanceOf(RpcException.class)
                .extracting(e -> ((NetronException) e).code()).isEqualTo(408);
    }

    @Test
    void aCallInFlightWhenTheConnectionDropsFailsWithTransportLostAndIsNotSentAgain() throws InterruptedException {
        GateService gate = new GateService();
        titan = titan(0, gate);
        int port = titan.port();
        client = connect(null);
        ReconnectingTransport transport = (ReconnectingTransport) client.transport();
        CompletableFuture<Object> inFlight = transport.call(new Invocation("gate", "pass", List.of(), String.class, Duration.ofSeconds(20)));
        gate.awaitEntered();

        titan.stop();   // the call outlives the 200 ms stop timeout: the connection is cut under it
        assertThatThrownBy(inFlight::join).isInstanceOf(CompletionException.class).cause().isInstanceOf(TransportLostException.class);
        assertThat(titanLog.take(Level.WARN)).singleElement().extracting(e -> e.getFormattedMessage())
                .isEqualTo("1 calls still running after PT0.2S; stopping anyway");

        GateService after = new GateService();
        titan = titan(port, after);
        awaitState(ConnectionState.CONNECTED);
        client.service(ClientEventsTest.Users.class).create("round trip");
        assertThat(after.entered.getCount()).as("the lost call was not sent again").isEqualTo(1);
    }

    @Test
    void closingTheClientStopsReconnectingAndReportsDisconnected() throws InterruptedException {
        titan = titan(0);
        client = connect(null);
        titan.stop();
        titan = null;
        awaitState(ConnectionState.RECONNECTING);
        client.close();
        awaitState(ConnectionState.DISCONNECTED);
        assertThat(((ReconnectingTransport) client.transport()).isOpen()).isFalse();
        client = null;
    }

    private void awaitListeners(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (titan.events().listenerCount() != expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(titan.events().listenerCount()).isEqualTo(expected);
    }
}
