package dev.aether.titan.ws;

import dev.aether.netron.protocol.stream.PeerStreams;
import dev.aether.titan.Principal;
import dev.aether.titan.call.Caller;

/**
 * One connected client as the request handlers see it: who it is (the {@link Caller}, re-keyed
 * by the handshake and upgraded by the {@code authenticate} task), where replies go, the
 * calls and streams it has open and the events it subscribed to.
 */
final class Peer {
    private final Outbox outbox;
    private final InFlightCalls calls;
    private final PeerEvents events;
    private final PeerStreams streams;
    private volatile Caller caller;
    private volatile boolean keyedCalls;

    Peer(Caller caller, Outbox outbox, InFlightCalls calls, PeerEvents events, PeerStreams streams) {
        this.caller = caller;
        this.streams = streams;
        this.outbox = outbox;
        this.calls = calls;
        this.events = events;
    }

    Caller caller() {
        return caller;
    }

    Outbox outbox() {
        return outbox;
    }

    /** The streams this connection sends and receives. */
    PeerStreams streams() {
        return streams;
    }

    InFlightCalls calls() {
        return calls;
    }

    PeerEvents events() {
        return events;
    }

    /** The client announced its Netron id in {@code client-id}. */
    void rekey(String id) {
        Caller c = caller;
        caller = new Caller(c.principal(), id, c.remoteAddress(), c.transport());
    }

    /** The handshake agreed that this client's CALLs are {@code [target, method, key, ...args]} (Handshake.KeysAccepted). */
    void acceptKeyedCalls() {
        keyedCalls = true;
    }

    /** Whether this client's CALLs carry an idempotency-key slot after the method. */
    boolean keyedCalls() {
        return keyedCalls;
    }

    /** The {@code authenticate} task succeeded: later calls run as {@code principal}. */
    void authenticate(Principal principal) {
        caller = caller.withPrincipal(principal);
    }
}
