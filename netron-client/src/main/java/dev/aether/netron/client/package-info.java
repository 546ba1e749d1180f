/**
 * The typed Netron client. The entry type is {@link dev.aether.netron.client.NetronClient}: give
 * it a {@link dev.aether.netron.client.Transport} (HTTP or WebSocket to a remote Titan, or a
 * Titan's in-process one) and ask it for a service's Java interface; the interface is the
 * contract.
 *
 * <pre>{@code
 * try (NetronClient client = NetronClient.over(transport)) {
 *     Calculator calc = client.service(Calculator.class);
 *     int five = calc.add(2, 3);
 * }
 * }</pre>
 *
 * <p>Call options and the interceptor chain are in {@link dev.aether.netron.client.call}; the
 * guide is docs/data-layer.md.
 */
package dev.aether.netron.client;
