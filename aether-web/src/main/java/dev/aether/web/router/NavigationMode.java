package dev.aether.web.router;

import dev.aether.web.protocol.LiveProtocol;
import java.util.Optional;

/**
 * How a live navigation enters the browser's history: a link pushes an entry (or replaces the
 * current one), back/forward pops to an existing one. On the wire each is its lower-case name.
 *
 * <pre>{@code
 * NavigationMode.parse("pop")   // Optional[POP]
 * }</pre>
 */
public enum NavigationMode {
    PUSH(LiveProtocol.Router.PUSH), REPLACE(LiveProtocol.Router.REPLACE_ENTRY), POP(LiveProtocol.Router.POP);

    private final String wire;

    NavigationMode(String wire) {
        this.wire = wire;
    }

    /** The name the runtime sends and reads. */
    public String wire() {
        return wire;
    }

    /** The mode named {@code wire}, or empty for anything else. */
    public static Optional<NavigationMode> parse(String wire) {
        for (NavigationMode m : values()) {
            if (m.wire().equals(wire)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
