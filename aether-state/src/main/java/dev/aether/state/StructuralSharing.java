package dev.aether.state;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps what did not change: a new result equal to the old one is the old one; in a list, each
 * element equal to the old element at the same index is the old element (and so on, nested);
 * in a map, each value equal to the old value of its key. Readers comparing by identity (a
 * keyed row, a computed with identity equality) then re-run only for what really changed, as
 * TanStack Query's {@code replaceEqualDeep}. Records and other objects are kept whole when equal,
 * replaced whole when not.
 *
 * <pre>{@code
 * List<User> next = StructuralSharing.share(List.of(ada, bob), List.of(adaCopy, bobRenamed));
 * next.get(0) == ada;   // true: equal, so the old object
 * }</pre>
 */
final class StructuralSharing {
    private StructuralSharing() {
    }

    /** {@code next} with every part equal to the corresponding part of {@code previous} replaced by that part. */
    static Object share(Object previous, Object next) {
        if (previous == next || previous == null || next == null) {
            return next;
        }
        if (previous.equals(next)) {
            return previous;
        }
        if (previous instanceof List<?> before && next instanceof List<?> after) {
            return shareList(before, after);
        }
        if (previous instanceof Map<?, ?> before && next instanceof Map<?, ?> after) {
            return shareMap(before, after);
        }
        return next;
    }

    private static List<Object> shareList(List<?> before, List<?> after) {
        List<Object> shared = new ArrayList<>(after.size());
        for (int i = 0; i < after.size(); i++) {
            Object element = after.get(i);
            shared.add(i < before.size() ? share(before.get(i), element) : element);
        }
        return Collections.unmodifiableList(shared);
    }

    private static Map<Object, Object> shareMap(Map<?, ?> before, Map<?, ?> after) {
        Map<Object, Object> shared = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : after.entrySet()) {
            Object old = before.get(entry.getKey());
            shared.put(entry.getKey(), old == null ? entry.getValue() : share(old, entry.getValue()));
        }
        return Collections.unmodifiableMap(shared);
    }
}
