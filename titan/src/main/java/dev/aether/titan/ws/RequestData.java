package dev.aether.titan.ws;

import dev.aether.netron.protocol.error.RpcException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The data of a CALL, GET or SET request, {@code [target, member, ...rest]}, checked before it
 * reaches the dispatcher: an array of at least {@code min} elements whose first two are strings,
 * the member name matching {@code ^[\w$][\w\d_$]*$} and shorter than 256 characters
 * (netron-wire.md §1). Anything else is a 400.
 *
 * <pre>{@code
 * RequestData call = RequestData.parse(packet.data(), 2);   // ["calculator@1.0.0", "add", 2, 3]
 * dispatcher.call(caller, call.target(), call.member(), Arguments.wire(call.rest()), timeout);
 * }</pre>
 */
record RequestData(String target, String member, List<?> rest) {
    private static final Pattern MEMBER = Pattern.compile("[\\w$][\\w$]*");
    private static final int MAX_MEMBER_LENGTH = 255;

    static RequestData parse(Object data, int min) {
        if (!(data instanceof List<?> list) || list.size() < min) {
            throw RpcException.invalidRequest("Invalid request: expected an array [target, member, ...] of at least " + min + " elements");
        }
        if (!(list.get(0) instanceof String target)) {
            throw RpcException.invalidRequest("Invalid request: the target must be a string");
        }
        if (!(list.get(1) instanceof String member) || member.length() > MAX_MEMBER_LENGTH || !MEMBER.matcher(member).matches()) {
            throw RpcException.invalidRequest("Invalid request: invalid member name");
        }
        return new RequestData(target, member, list.subList(2, list.size()));
    }
}
