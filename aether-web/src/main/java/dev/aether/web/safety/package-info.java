/**
 * The rules that keep rendered HTML safe: {@link dev.aether.web.safety.Escape} (text, attributes,
 * script strings, marker keys), {@link dev.aether.web.safety.Names} (tag, attribute, style and
 * event names, checked when a node is built), {@link dev.aether.web.safety.UrlPolicy} (URL
 * attributes) and {@link dev.aether.web.safety.StylePolicy} (style values). The DSL and the
 * renderers apply them; not exported, since an application never needs to call them (docs/ui.md
 * describes what they allow).
 *
 * <pre>{@code
 * Escape.html("<b>");                                   // "&lt;b&gt;"
 * UrlPolicy.sanitize("href", "javascript:alert(1)");    // UrlPolicy.BLOCKED
 * }</pre>
 */
package dev.aether.web.safety;
