package dev.aether.web.live;

/** WebSocket close codes of the live channel; the runtime reacts to each (docs/ui.md). */
final class CloseCodes {
    /** Server stopping or restarting: reconnect with backoff. */
    static final int GOING_AWAY = 1001;
    /** The origin of the page is not this server's: do not reconnect. */
    static final int FORBIDDEN_ORIGIN = 4403;
    /** No such session (expired, or the server restarted): reload the page and restore the form input. */
    static final int SESSION_GONE = 4404;
    /** Another tab or connection took the session over: stop. */
    static final int REPLACED = 4409;

    private CloseCodes() {
    }
}
