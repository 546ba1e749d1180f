/**
 * The Netron wire protocol, without any I/O: what the Titan server and the Netron client put on
 * the wire and read back.
 *
 * <ul>
 *   <li>{@link dev.aether.netron.protocol.packet} — the binary packet frame (WebSocket, TCP).</li>
 *   <li>{@link dev.aether.netron.protocol.msgpack} — MessagePack with the Netron extension types.</li>
 *   <li>{@link dev.aether.netron.protocol.error} — the error model, one exception hierarchy.</li>
 *   <li>{@link dev.aether.netron.protocol.definition} — service definitions and references.</li>
 *   <li>{@link dev.aether.netron.protocol.http} — the HTTP JSON messages.</li>
 *   <li>{@link dev.aether.netron.protocol.handshake} — the WebSocket handshake messages.</li>
 * </ul>
 *
 * <p>Wire-compatible with the TypeScript reference (see {@code docs/protocol.md}); where the
 * reference has a documented flaw we do better, and the Javadoc of the affected type says so.
 *
 * <pre>{@code
 * @Service("calculator@1.0.0")
 * public interface Calculator {
 *     int add(int a, int b);
 * }
 *
 * public final class CalculatorService implements Calculator {
 *     @Public public int add(int a, int b) { return a + b; }
 * }
 * }</pre>
 */
package dev.aether.netron.protocol;
