package dev.aether.titan.ws;

import dev.aether.titan.Principal;
import dev.aether.titan.TitanSettings;
import dev.aether.titan.call.Caller;
import dev.aether.titan.call.Dispatcher;
import dev.aether.titan.transport.OriginCheck;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

/**
 * Decides whether an upgrade request may speak Netron: the path must be the WebSocket path
 * (else 4000); a browser's Origin must be the server's own or an allowed one (else 4001); when
 * authentication is configured, a token, from {@code Authorization: Bearer} or {@code ?token=},
 * must be valid (else 4001). No
 * token means an anonymous connection that may authenticate later with the
 * {@code authenticate} task.
 *
 * <pre>{@code
 * Admission a = new UpgradeGate(dispatcher, settings).admit(request);
 * }</pre>
 */
final class UpgradeGate {
    static final String NETRON_ID_HEADER = "x-netron-id";
    private static final int MAX_ID_LENGTH = 256;

    private final Dispatcher dispatcher;
    private final TitanSettings settings;
    private final OriginCheck origins;

    UpgradeGate(Dispatcher dispatcher, TitanSettings settings) {
        this.dispatcher = dispatcher;
        this.settings = settings;
        this.origins = new OriginCheck(settings.allowedOrigins());
    }

    Admission admit(Request request) {
        if (!settings.webSocketPath().equals(Request.getPathInContext(request))) {
            return new Admission.Rejected(CloseCodes.PATH_NOT_FOUND, "Path not found");
        }
        if (!origins.admits(request)) {
            return new Admission.Rejected(CloseCodes.UNAUTHORIZED, "Origin not allowed");
        }
        Fields query = Request.extractQueryParameters(request);
        Principal principal = null;
        if (dispatcher.authenticationConfigured()) {
            String token = token(request, query);
            if (token != null) {
                Optional<Principal> valid = dispatcher.validateToken(token);
                if (valid.isEmpty()) {
                    return new Admission.Rejected(CloseCodes.UNAUTHORIZED, "Invalid token");
                }
                principal = valid.get();
            }
        }
        return new Admission.Accepted(new Caller(principal, clientId(request, query), Request.getRemoteAddr(request), "websocket"));
    }

    private static String token(Request request, Fields query) {
        String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).trim();
        }
        return query.getValue("token");
    }

    /** The id the client announced on the URL or in a header; a fresh one until its client-id message arrives. */
    private static String clientId(Request request, Fields query) {
        String id = query.getValue("id");
        if (id == null) {
            id = request.getHeaders().get(NETRON_ID_HEADER);
        }
        return id == null || id.isEmpty() || id.length() > MAX_ID_LENGTH ? UUID.randomUUID().toString() : id;
    }
}
