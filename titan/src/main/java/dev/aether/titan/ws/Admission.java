package dev.aether.titan.ws;

import dev.aether.titan.call.Caller;

/**
 * What {@link UpgradeGate} decided about an upgrade request. A rejected connection is still
 * upgraded and then closed with the close code, because a browser cannot read the status of a
 * failed upgrade but does see a close code.
 */
sealed interface Admission {
    /** The connection may speak Netron as {@code caller} (the principal comes from a valid token, if any). */
    record Accepted(Caller caller) implements Admission {
    }

    /** The connection is closed at once with {@code code} (4000 or 4001) and {@code reason}. */
    record Rejected(int code, String reason) implements Admission {
    }
}
