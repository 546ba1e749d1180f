/**
 * The two JSON messages of the WebSocket handshake (netron-wire.md §4).
 */
package dev.aether.netron.protocol.handshake;
