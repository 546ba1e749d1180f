/**
 * Service definitions (MessagePack ext 109), references to them (ext 108) and stream references
 * (ext 107): what {@code query_interface} returns and what a call returns instead of a service
 * or a stream.
 */
package dev.aether.netron.protocol.definition;
