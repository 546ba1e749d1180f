package dev.aether.titan.ws;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open Netron connections of one endpoint, for the graceful stop (wait until every pending
 * reply is written) and for counting. A connection leaves the set when it closes, whatever the
 * reason, so nothing keeps a closed connection alive.
 */
final class Peers {
    private final Set<NetronSocket> open = ConcurrentHashMap.newKeySet();

    void add(NetronSocket socket) {
        open.add(socket);
    }

    void remove(NetronSocket socket) {
        open.remove(socket);
    }

    int connections() {
        return open.size();
    }

    /** Tells every open connection that the server is stopping. */
    void goAway() {
        for (NetronSocket socket : open) {
            socket.goAway();
        }
    }

    /** Streams open on all connections, both directions. */
    int openStreams() {
        int n = 0;
        for (NetronSocket socket : open) {
            n += socket.openStreams();
        }
        return n;
    }

    /** Calls accepted on all connections whose replies are not written yet. */
    int callsInFlight() {
        int n = 0;
        for (NetronSocket socket : open) {
            n += socket.callsInFlight();
        }
        return n;
    }
}
