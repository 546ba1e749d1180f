/**
 * The live protocol's constants, {@link dev.aether.web.protocol.LiveProtocol}: the lowest layer
 * of aether-web, used by the HTML renderer, the components, SSR and the live session alike. Not
 * exported: applications never write the protocol themselves.
 *
 * <pre>{@code
 * out.append(" ").append(LiveProtocol.Markup.ELEMENT_ID).append("=\"").append(id).append('"');
 * }</pre>
 */
package dev.aether.web.protocol;
