/**
 * The HTTP transport's JSON messages (netron-wire.md §3) as records, and
 * {@link dev.aether.netron.protocol.http.NetronJson} to read and write them byte-for-byte like
 * the reference.
 *
 * <pre>{@code
 * InvokeRequest req = NetronJson.readInvoke(body);
 * String out = NetronJson.write(InvokeResponse.success(req.id(), NetronJson.tree(user), 3));
 * }</pre>
 */
package dev.aether.netron.protocol.http;
