package dev.aether.titan.ws;

import dev.aether.netron.protocol.error.AuthException;
import dev.aether.netron.protocol.error.NetronException;
import dev.aether.netron.protocol.error.PermissionException;
import dev.aether.netron.protocol.error.RpcException;
import dev.aether.netron.protocol.http.AuthenticateResponse;
import dev.aether.netron.protocol.msgpack.Undefined;
import dev.aether.titan.CacheInvalidation;
import dev.aether.titan.Principal;
import dev.aether.titan.call.Dispatcher;
import java.util.List;
import java.util.Map;

/**
 * The core tasks a client runs with TASK packets ({@code [taskName, ...args]}):
 *
 * <ul>
 *   <li>{@code authenticate(credentials)}: {@code {token}} is validated, anything else goes to the
 *       authenticator; on success the connection's later calls run as that principal. Rejected
 *       credentials answer {@code {success:false, error}} (not an error reply), as the reference does;
 *       no authenticator configured answers 503.</li>
 *   <li>{@code query_interface(serviceName)}: the Definition as this caller may see it; a service it may
 *       use nothing of answers 404 like one that does not exist.</li>
 *   <li>{@code invalidate_cache(pattern | {pattern, tags})}: asks the caches registered with
 *       {@link dev.aether.titan.CacheInvalidations} to drop what it names ({@code "users*"} a
 *       prefix, another string an exact key, {@code tags} any of them, no argument everything) and
 *       answers the number of entries they removed. The reference's {@code servicesOnly} and
 *       {@code httpOnly} are accepted and ignored: Titan keeps no definition or HTTP cache of its
 *       own. With default-deny on, an anonymous caller gets 401.</li>
 *   <li>{@code expose_service}, {@code unexpose_service}, {@code unref_service}: remote service
 *       publication is off, 403.</li>
 *   <li>{@code subscribe(eventName)}: idempotent; the event's {@link dev.aether.titan.event.EventAccess}
 *       decides (401/403 as a method call), at most {@link dev.aether.titan.event.EventLimits#maxSubscriptionsPerPeer()}
 *       events per connection (then 429). Each later event reaches the client as a TASK request
 *       {@code ['emit', eventName, ...args]}. Answers undefined.</li>
 *   <li>{@code unsubscribe(eventName)}: ends it (nothing subscribed is fine). Answers undefined.</li>
 *   <li>{@code emit(eventName, ...args)}: accepted and answered undefined, as the reference (which
 *       delivers it to the server's listeners on that very connection); it is not published on
 *       the {@link dev.aether.titan.event.EventBus}: a client never broadcasts to other clients.</li>
 * </ul>
 *
 * <pre>{@code
 * Object result = tasks.run(peer, List.of("query_interface", "calculator"));
 * }</pre>
 */
final class CoreTasks {
    private final Dispatcher dispatcher;

    CoreTasks(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /** Runs the task {@code data} names; throws a NetronException for the error reply. */
    Object run(Peer peer, Object data) {
        if (!(data instanceof List<?> list) || list.isEmpty() || !(list.get(0) instanceof String name)) {
            throw RpcException.invalidRequest("Invalid task: expected an array [taskName, ...args]");
        }
        List<?> args = list.subList(1, list.size());
        return switch (name) {
            case "authenticate" -> authenticate(peer, args);
            case "query_interface" -> dispatcher.queryInterface(peer.caller(), stringArgument(args, name, "a service name"));
            case "invalidate_cache" -> dispatcher.invalidateCache(peer.caller(), invalidation(args));
            case "expose_service", "unexpose_service", "unref_service" ->
                    throw new PermissionException("Remote service publication is disabled on this server");
            case "subscribe" -> {
                peer.events().subscribe(peer.caller().principal(), stringArgument(args, name, "an event name"));
                yield Undefined.VALUE;
            }
            case "unsubscribe" -> {
                peer.events().unsubscribe(stringArgument(args, name, "an event name"));
                yield Undefined.VALUE;
            }
            case "emit" -> {
                stringArgument(args, name, "an event name");
                yield Undefined.VALUE;
            }
            default -> throw new NetronException(404, "Unknown task: " + name);
        };
    }

    private AuthenticateResponse.Result authenticate(Peer peer, List<?> args) {
        if (args.isEmpty() || !(args.get(0) instanceof Map<?, ?> raw)) {
            throw RpcException.invalidRequest("authenticate expects one credentials object");
        }
        Principal principal;
        try {
            principal = dispatcher.authenticate(peer.caller(), stringKeys(raw));
        } catch (AuthException rejected) {
            return AuthenticateResponse.Result.rejected(rejected.getMessage());
        }
        peer.authenticate(principal);
        return AuthenticateResponse.Result.ok(principal.toAuthContext());
    }

    private static CacheInvalidation.Request invalidation(List<?> args) {
        if (args.isEmpty() || args.get(0) == null) {
            return CacheInvalidation.Request.all();
        }
        if (args.get(0) instanceof String pattern) {
            return new CacheInvalidation.Request(pattern, List.of());
        }
        if (args.get(0) instanceof Map<?, ?> options) {
            Object pattern = options.get("pattern");
            Object tags = options.get("tags");
            if ((pattern != null && !(pattern instanceof String)) || (tags != null && !isStringList(tags))) {
                throw RpcException.invalidRequest("invalidate_cache expects {pattern: string, tags: string[]}");
            }
            List<String> tagList = tags == null ? List.of() : ((List<?>) tags).stream().map(String.class::cast).toList();
            return new CacheInvalidation.Request((String) pattern, tagList);
        }
        throw RpcException.invalidRequest("invalidate_cache expects a pattern string or {pattern, tags}");
    }

    private static boolean isStringList(Object value) {
        return value instanceof List<?> list && list.stream().allMatch(String.class::isInstance);
    }

    private static String stringArgument(List<?> args, String task, String what) {
        if (args.isEmpty() || !(args.get(0) instanceof String s)) {
            throw RpcException.invalidRequest(task + " expects " + what);
        }
        return s;
    }

    private static Map<String, Object> stringKeys(Map<?, ?> raw) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        raw.forEach((k, v) -> map.put(String.valueOf(k), v));
        return map;
    }
}
