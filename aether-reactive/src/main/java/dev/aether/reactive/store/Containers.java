package dev.aether.reactive.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The three kinds of container a store looks into (records, lists, maps): stepping into a
 * child, and building a copy with a child replaced, added or removed. Copies are unmodifiable,
 * so state handed out by a store can never be changed behind its back.
 */
final class Containers {
    /** "Nothing there": distinct from null, which a component or map value may hold. */
    static final Object ABSENT = new Object() {
        @Override
        public String toString() {
            return "ABSENT";
        }
    };

    private Containers() {
    }

    /** The child at {@code segment}, or {@link #ABSENT} when there is none; never throws. */
    static Object child(Object container, Object segment) {
        if (container instanceof Record record && segment instanceof String name) {
            RecordShape shape = RecordShape.of(record.getClass());
            int index = shape.indexOf(name);
            return index < 0 ? ABSENT : shape.get(record, index);
        }
        if (container instanceof List<?> list && segment instanceof Integer index) {
            return index >= 0 && index < list.size() ? list.get(index) : ABSENT;
        }
        if (container instanceof Map<?, ?> map) {
            try {
                Object value = map.get(segment);
                return value != null || map.containsKey(segment) ? value : ABSENT;
            } catch (NullPointerException | ClassCastException unsupportedKey) {
                return ABSENT;
            }
        }
        return ABSENT;
    }

    /**
     * The child a read at {@code path} (up to {@code depth}) sees: null through a null parent or
     * for an absent map key, an exception naming the path when the step makes no sense.
     */
    static Object read(Object container, Path path, int depth) {
        if (container == null) {
            return null;
        }
        Object segment = path.segment(depth);
        Object child = child(container, segment);
        if (child != ABSENT) {
            return child;
        }
        if (container instanceof Map<?, ?>) {
            return null;
        }
        throw invalidStep(container, path, depth);
    }

    /** The child a write at {@code path} descends through; a null parent is an error here. */
    static Object descend(Object container, Path path, int depth) {
        if (container == null) {
            throw new IllegalStateException("cannot write " + path + ": " + path.prefix(depth) + " is null");
        }
        Object child = child(container, path.segment(depth));
        if (child != ABSENT) {
            return child;
        }
        if (container instanceof Map<?, ?>) {
            return null; // a new key: the write adds it
        }
        throw invalidStep(container, path, depth);
    }

    /** A copy of {@code container} with the child at {@code path.segment(depth)} set to {@code value}. */
    static Object with(Object container, Path path, int depth, Object value) {
        Object segment = path.segment(depth);
        if (container instanceof Record record) {
            RecordShape shape = RecordShape.of(record.getClass());
            try {
                return shape.with(record, shape.indexOf((String) segment), value);
            } catch (ClassCastException e) {
                throw new IllegalArgumentException("cannot set " + path.prefix(depth + 1) + " to a "
                        + value.getClass().getName() + ": it is not of the component's type", e);
            }
        }
        if (container instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list);
            copy.set((Integer) segment, value);
            return Collections.unmodifiableList(copy);
        }
        Map<Object, Object> copy = new LinkedHashMap<>((Map<?, ?>) container);
        copy.put(segment, value);
        return Collections.unmodifiableMap(copy);
    }

    /** A copy of the list or map at {@code path.parent()} without the child {@code path.last()}. */
    static Object without(Object container, Path path) {
        int depth = path.length() - 1;
        Object segment = path.last();
        if (container instanceof List<?> list && segment instanceof Integer index) {
            List<Object> copy = new ArrayList<>(list);
            copy.remove((int) index);
            return Collections.unmodifiableList(copy);
        }
        if (container instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>(map);
            copy.remove(segment);
            return Collections.unmodifiableMap(copy);
        }
        throw new IllegalStateException("cannot remove " + path + ": only list elements and map entries can be removed, and "
                + path.prefix(depth) + " is " + describe(container));
    }

    /** A copy of the list at {@code path} with {@code element} inserted at {@code index} (-1: at the end). */
    static Object inserted(Object container, Path path, int index, Object element) {
        if (!(container instanceof List<?> list)) {
            throw new IllegalStateException("cannot add to " + path + ": it is " + describe(container) + ", not a list");
        }
        List<Object> copy = new ArrayList<>(list);
        if (index < 0) {
            copy.add(element);
        } else {
            if (index > list.size()) {
                throw new IndexOutOfBoundsException("cannot add at " + path + "[" + index + "]: the list has "
                        + list.size() + " elements");
            }
            copy.add(index, element);
        }
        return Collections.unmodifiableList(copy);
    }

    /** The number of elements or entries, or -1 for anything else. */
    static int sizeOf(Object value) {
        if (value instanceof List<?> list) {
            return list.size();
        }
        if (value instanceof Map<?, ?> map) {
            return map.size();
        }
        return -1;
    }

    /** The key set of a map, or null for anything else. */
    static Set<?> keysOf(Object value) {
        return value instanceof Map<?, ?> map ? map.keySet() : null;
    }

    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Record) {
            return "a " + value.getClass().getSimpleName() + " record";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        if (value instanceof Map<?, ?>) {
            return "a map";
        }
        return "a " + value.getClass().getSimpleName();
    }

    private static RuntimeException invalidStep(Object container, Path path, int depth) {
        Object segment = path.segment(depth);
        String where = path.prefix(depth + 1);
        if (container instanceof Record record && segment instanceof String name) {
            RecordShape shape = RecordShape.of(record.getClass());
            return new IllegalArgumentException("no such path " + where + ": record " + shape.type().getSimpleName()
                    + " has no component '" + name + "' (it has " + String.join(", ", shape.names()) + ")");
        }
        if (container instanceof List<?> list && segment instanceof Integer index) {
            return new IndexOutOfBoundsException("no such path " + where + ": index " + index + " is out of bounds for "
                    + path.prefix(depth) + ", which has " + list.size() + " elements");
        }
        String step = segment instanceof Integer ? "index " + segment : "'" + segment + "'";
        return new IllegalArgumentException("no such path " + where + ": " + path.prefix(depth) + " is "
                + describe(container) + ", which has no " + step);
    }
}
