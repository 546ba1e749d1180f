package dev.aether.reactive.store;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

/**
 * How to read a record's components by name and build a copy with one component replaced.
 * Built once per record class, since reflection is slow and stores read and rebuild records on
 * every access and write.
 */
final class RecordShape {
    private static final ClassValue<RecordShape> SHAPES = new ClassValue<>() {
        @Override
        protected RecordShape computeValue(Class<?> type) {
            return new RecordShape(type);
        }
    };
    private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);
    private static final MethodType BUILDER = MethodType.methodType(Object.class, Object[].class);

    private final Class<?> type;
    private final List<String> names;
    private final MethodHandle[] getters;
    private final MethodHandle constructor;

    private RecordShape(Class<?> type) {
        this.type = type;
        RecordComponent[] components = type.getRecordComponents();
        this.names = Arrays.stream(components).map(RecordComponent::getName).toList();
        this.getters = new MethodHandle[components.length];
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        try {
            for (int i = 0; i < components.length; i++) {
                Method accessor = components[i].getAccessor();
                accessor.setAccessible(true);
                getters[i] = lookup.unreflect(accessor).asType(GETTER);
            }
            Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            this.constructor = lookup.unreflectConstructor(canonical)
                    .asSpreader(Object[].class, components.length)
                    .asType(BUILDER);
        } catch (InaccessibleObjectException | IllegalAccessException e) {
            throw new IllegalArgumentException("record " + type.getName() + " is not accessible to the store: make it"
                    + " public in an exported package, or open its package to dev.aether.reactive", e);
        } catch (NoSuchMethodException e) {
            throw new AssertionError("a record always has a canonical constructor", e);
        }
    }

    static RecordShape of(Class<?> type) {
        return SHAPES.get(type);
    }

    /** The index of component {@code name}, or -1. */
    int indexOf(String name) {
        return names.indexOf(name);
    }

    List<String> names() {
        return names;
    }

    Class<?> type() {
        return type;
    }

    Object get(Object record, int component) {
        try {
            return (Object) getters[component].invokeExact(record);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("reading " + type.getSimpleName() + "." + names.get(component) + " failed", t);
        }
    }

    /** A new record equal to {@code record} except for one component; its constructor's checks apply. */
    Object with(Object record, int component, Object value) {
        Object[] values = new Object[getters.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = i == component ? value : get(record, i);
        }
        try {
            return (Object) constructor.invokeExact(values);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("constructing " + type.getSimpleName() + " failed", t);
        }
    }
}
