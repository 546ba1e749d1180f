package dev.aether.netron.client.call;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The reference's default key of a call, {@code service:method:JSON(args)}: equal for calls that
 * would send the same request. Map entries and record properties are sorted so that two equal
 * arguments always give the same text.
 *
 * <pre>{@code
 * CallKey.of(Call.of("users", "find", List.of(42), User.class)); // "users:find:[42]"
 * }</pre>
 */
public final class CallKey {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .findAndAddModules()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    private CallKey() {
    }

    /** The key of {@code call}; arguments that cannot be written as JSON are an {@link IllegalArgumentException}. */
    public static String of(Call call) {
        try {
            return call.service() + ":" + call.method() + ":" + JSON.writeValueAsString(call.arguments());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the arguments of " + call.describe() + " cannot be written as JSON, so the call has no key: " + e.getOriginalMessage(), e);
        }
    }
}
