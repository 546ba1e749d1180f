package dev.aether.titan.call;

import dev.aether.titan.Principal;

/**
 * Who is calling, as a transport knows it.
 *
 * @param principal     the authenticated principal, or null for an anonymous caller
 * @param peerId        the connection's id (WebSocket client id, or null over HTTP)
 * @param remoteAddress the client's IP address, or null in process
 * @param transport     "http", "websocket" or "in-process", for metrics and logs
 */
public record Caller(Principal principal, String peerId, String remoteAddress, String transport) {
    /** The same caller, authenticated as {@code principal}. */
    public Caller withPrincipal(Principal principal) {
        return new Caller(principal, peerId, remoteAddress, transport);
    }
}
