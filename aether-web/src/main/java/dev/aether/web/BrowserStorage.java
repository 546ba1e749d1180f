package dev.aether.web;

import static dev.aether.web.html.Html.attr;
import static dev.aether.web.html.Html.input;
import static dev.aether.web.html.Html.on;
import static dev.aether.web.html.Html.type;

import dev.aether.reactive.Signal;
import dev.aether.web.html.Control;
import dev.aether.web.html.Node;
import dev.aether.web.protocol.LiveProtocol;
import dev.aether.web.safety.Escape;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The browser's {@code localStorage} ({@link #local()}) or {@code sessionStorage}
 * ({@link #session()}), where a live page keeps a signal's value across reloads: the node
 * {@link #persist} returns, placed anywhere in the page, restores the stored value as the page's
 * live channel opens — the server sets the signal before it sends the page's first frame — and
 * writes the value back whenever it changes (after the {@linkplain Persisted#debounce debounce}).
 * Pages that persist a value load a small runtime part ({@code persist.js}) in their head; other
 * pages do not.
 *
 * <p>A stored value is checked like any input ({@link Persisted}): too long, not JSON, of another
 * version with no migration, not of the type or not valid, it is ignored, the page keeps its
 * value and the browser's console says why.
 *
 * <p>No flash of the rendered value: the server-rendered HTML holds the page's own value, so
 * before the page paints the part compares each stored value with the rendered one, and a page
 * where one differs stays hidden until the restored values are shown (at most
 * {@value LiveProtocol.Persist#REVEAL_AFTER_MILLIS} ms, then it shows what it has). A page whose
 * stored values match, or a first visit, paints at once. Without JavaScript the page shows its
 * own values. A value that must be right in the HTML itself belongs in a cookie or in
 * server-side storage ({@code dev.aether.state.persist.Persist}).
 *
 * <pre>{@code
 * enum Sort { NAME, NEWEST }
 * Signal<Sort> sort = Reactive.signal(Sort.NAME);
 * return div(
 *         BrowserStorage.local().persist(sort, "team.sort", Sort.class),
 *         button(text("Newest first"), on("click", () -> sort.set(Sort.NEWEST))));
 * }</pre>
 */
public final class BrowserStorage {
    /** What a key may be: short, and plain enough to show in an error. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");
    private static final BrowserStorage LOCAL = new BrowserStorage(LiveProtocol.Persist.LOCAL, "localStorage");
    private static final BrowserStorage SESSION = new BrowserStorage(LiveProtocol.Persist.SESSION, "sessionStorage");

    private final String kind;
    private final String name;

    private BrowserStorage(String kind, String name) {
        this.kind = kind;
        this.name = name;
    }

    /** {@code localStorage}: kept across tabs and browser restarts, per origin. */
    public static BrowserStorage local() {
        return LOCAL;
    }

    /** {@code sessionStorage}: kept across reloads of one tab. */
    public static BrowserStorage session() {
        return SESSION;
    }

    /** The storage's name in the browser: {@code localStorage} or {@code sessionStorage}. */
    public String name() {
        return name;
    }

    /** Keeps {@code signal} under {@code key}, version 1, every field (see {@link Persisted#of}). */
    public <T> Node persist(Signal<T> signal, String key, Class<T> type) {
        return persist(signal, key, Persisted.of(type));
    }

    /**
     * Keeps {@code signal} under {@code key} ({@code [A-Za-z0-9_.:-]}, at most 100 characters)
     * as {@code how} says. The returned node renders nothing visible; place it in the page (its
     * first render: the runtime part is loaded with the page).
     */
    public <T> Node persist(Signal<T> signal, String key, Persisted<T> how) {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(how, "how");
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("a persisted value's key is 1 to 100 of [A-Za-z0-9_.:-], was '" + key + "'");
        }
        PersistedCodec<T> codec = new PersistedCodec<>(how, key, name);
        // The markers are the protocol's (data-ae-*, which page code may not write): trusted HTML
        // around an ordinary input whose value attribute is bound to the stored text.
        String open = "<span hidden " + LiveProtocol.Persist.STORAGE_ATTRIBUTE + "=\"" + kind + "\" "
                + LiveProtocol.Persist.KEY_ATTRIBUTE + "=\"" + Escape.html(key) + "\" "
                + LiveProtocol.Persist.DEBOUNCE_ATTRIBUTE + "=\"" + how.debounce().toMillis() + "\">";
        Node field = input(type("hidden"), attr("value", () -> codec.write(signal.get())),
                on(LiveProtocol.Persist.RESTORE_EVENT, e -> signal.set(codec.read(e.value(), signal.peek()))));
        return (Control) target -> {
            target.requireRuntimePart(LiveProtocol.Paths.PERSIST_RUNTIME, PersistedCodec.partSetting(kind, key, codec.write(signal.peek())));
            target.writeTrustedHtml(open);
            target.render(field);
            target.writeTrustedHtml("</span>");
        };
    }
}
