package dev.aether.state;

import dev.aether.netron.client.NetronClient;
import dev.aether.netron.client.cache.CacheInterceptor;
import dev.aether.netron.client.cache.ResponseCache;
import dev.aether.netron.client.call.CallInterceptor;
import dev.aether.netron.client.dedupe.DeduplicationInterceptor;
import dev.aether.netron.client.http.HttpTransport;
import dev.aether.netron.client.retry.RetryInterceptor;
import dev.aether.netron.client.ws.ReconnectingTransport;
import dev.aether.titan.Titan;
import dev.aether.titan.event.InProcessEventBus;
import java.util.ArrayList;
import java.util.List;

/** A Titan on 127.0.0.1 serving {@link UserService}, and clients set up as docs/state.md recommends. */
final class RealTitan implements AutoCloseable {
    final InProcessEventBus events = new InProcessEventBus();
    final UserService users = new UserService(events);
    final FeedService feed = new FeedService();
    final Titan titan = Titan.builder().port(0).service(users).service(feed).eventBus(events).build().start();
    private final List<NetronClient> clients = new ArrayList<>();

    /** Over HTTP: cache, dedupe, retry, then {@code extra} (closest to the wire). */
    NetronClient httpClient(CallInterceptor... extra) {
        return keep(builder(new HttpTransport(titan.httpUri()), extra).build());
    }

    /** Over WebSocket (events need it), reconnecting. */
    NetronClient webSocketClient(CallInterceptor... extra) {
        return keep(builder(ReconnectingTransport.connect(titan.webSocketUri()), extra).build());
    }

    private static NetronClient.Builder builder(dev.aether.netron.client.Transport transport, CallInterceptor... extra) {
        NetronClient.Builder builder = NetronClient.builder(transport)
                .interceptor(new CacheInterceptor(ResponseCache.create()))
                .interceptor(new DeduplicationInterceptor())
                .interceptor(new RetryInterceptor());
        for (CallInterceptor interceptor : extra) {
            builder.interceptor(interceptor);
        }
        return builder;
    }

    private NetronClient keep(NetronClient client) {
        clients.add(client);
        return client;
    }

    @Override
    public void close() {
        clients.forEach(NetronClient::close);
        titan.stop();
    }
}
