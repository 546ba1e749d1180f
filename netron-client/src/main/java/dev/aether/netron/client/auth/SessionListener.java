package dev.aether.netron.client.auth;

/**
 * Told when the session ended because a token could not be refreshed (the reference's
 * session-expired event): time to show the sign-in screen.
 *
 * <pre>{@code
 * SessionListener toSignIn = cause -> Platform.runLater(ui::showSignIn);
 * }</pre>
 */
@FunctionalInterface
public interface SessionListener {
    void sessionExpired(Throwable cause);
}
