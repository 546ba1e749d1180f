/**
 * The live session machinery: internal, not exported. {@link dev.aether.web.live.LiveHandlers} is
 * its one entry, used by {@link dev.aether.web.AetherWeb}; each browser connection is a
 * {@link dev.aether.web.live.LiveSocket}, served on Jetty's websocket-core through
 * {@link dev.aether.titan.transport.SocketFrames}. The path of one click through it is in
 * docs/architecture.md.
 *
 * <pre>{@code
 * LiveHandlers live = LiveHandlers.wrap(server, next, settings, options);
 * server.setHandler(live.handler());
 * }</pre>
 */
package dev.aether.web.live;
