package dev.aether.web.live;

/** The browser end of a live session: a WebSocket in production, a recorder in tests. */
interface LiveConnection {
    /** Sends one frame; never blocks the session. */
    void send(String frame);

    /** Closes the connection with a WebSocket close code and a reason the runtime can show. */
    void close(int code, String reason);
}
