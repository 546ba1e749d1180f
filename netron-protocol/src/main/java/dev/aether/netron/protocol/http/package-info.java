/**
 * The HTTP transport's JSON messages (netron-wire.md §3) as records, and
 * {@link dev.aether.netron.protocol.http.NetronJson} to read and write them byte-for-byte like
 * the reference.
 */
package dev.aether.netron.protocol.http;
