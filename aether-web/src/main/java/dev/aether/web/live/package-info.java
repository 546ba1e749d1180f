/**
 * The live session machinery: not application API. It is exported only because Jetty reaches a
 * WebSocket listener ({@link dev.aether.web.live.LiveSocket}) through
 * {@code MethodHandles.publicLookup()}; {@link dev.aether.web.live.LiveHandlers} is its one entry,
 * used by {@link dev.aether.web.AetherWeb}. The path of one click through it is in
 * docs/architecture.md.
 *
 * <pre>{@code
 * LiveHandlers live = LiveHandlers.wrap(server, next, settings, options);
 * server.setHandler(live.handler());
 * }</pre>
 */
package dev.aether.web.live;
