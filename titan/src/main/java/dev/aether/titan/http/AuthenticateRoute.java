package dev.aether.titan.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aether.netron.protocol.error.AuthException;
import dev.aether.netron.protocol.error.NetronException;
import dev.aether.netron.protocol.error.TransportException;
import dev.aether.netron.protocol.http.AuthenticateRequest;
import dev.aether.netron.protocol.http.AuthenticateResponse;
import dev.aether.netron.protocol.http.NetronJson;
import dev.aether.titan.Principal;
import dev.aether.titan.call.Caller;
import dev.aether.titan.call.Dispatcher;
import java.util.Map;

/**
 * {@code POST /netron/authenticate}: {@code {id, credentials}} or {@code {id, params:[credentials]}};
 * a {@code token} is validated, anything else goes to the authenticator. 200
 * {@code {id, result:{success, context | error}}} whether or not the credentials are accepted;
 * 503 without an authenticator. The context has the reference's shape ({@link Principal#toAuthContext()}):
 * a token the authenticator issued is in {@code context.metadata.token} and announced as
 * {@code context.token = {type: 'bearer', value}}, which is what makes the TypeScript client keep it.
 *
 * <pre>{@code
 * curl -s localhost:8080/netron/authenticate -H 'Content-Type: application/json' \
 *      -d '{"id":"a1","credentials":{"username":"alice","password":"secret"}}'
 * }</pre>
 */
final class AuthenticateRoute implements Route {
    private static final ObjectMapper MAPPER = NetronJson.mapper();

    private final Dispatcher dispatcher;
    private final JsonBody body;

    AuthenticateRoute(Dispatcher dispatcher, JsonBody body) {
        this.dispatcher = dispatcher;
        this.body = body;
    }

    @Override
    public void handle(Exchange exchange) throws Exception {
        if (!dispatcher.authenticationConfigured()) {
            throw TransportException.unavailable("Authentication not configured");
        }
        AuthenticateRequest request = NetronJson.readAuthenticate(body.read(exchange.request()));
        JsonNode credentials = request.resolvedCredentials();
        if (!credentials.isObject()) {
            throw new NetronException(400, "Invalid request format");
        }
        AuthenticateResponse.Result result;
        try {
            Caller anonymous = new Caller(null, null, exchange.remoteAddress(), "http");
            Principal principal = dispatcher.authenticate(anonymous,
                    MAPPER.convertValue(credentials, new TypeReference<Map<String, Object>>() { }));
            result = AuthenticateResponse.Result.ok(principal.toAuthContext());
        } catch (AuthException rejected) {
            result = AuthenticateResponse.Result.rejected(request.token().isPresent() ? "Invalid token" : rejected.getMessage());
        } catch (NetronException e) {
            throw e;
        } catch (RuntimeException e) {
            throw Dispatcher.toNetron(e, "http", "authenticate");
        }
        exchange.sendJson(200, new AuthenticateResponse(request.id(), result));
    }

}
