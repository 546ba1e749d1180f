package dev.aether.titan.service;

import dev.aether.netron.protocol.definition.PropertyInfo;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;
import java.lang.reflect.Type;

/**
 * One {@code @Public} field of a service, read with GET and, unless read-only, written with SET.
 * Reads and writes are volatile, so the field is seen consistently by all callers.
 */
public record PropertyModel(String name, Field field, VarHandle handle, Object instance, boolean readonly, AccessRule rule) {
    PropertyInfo info() {
        return new PropertyInfo(JsTypeNames.of(field.getType()), readonly);
    }

    public Type type() {
        return field.getGenericType();
    }

    public Object read() {
        return java.lang.reflect.Modifier.isStatic(field.getModifiers()) ? handle.getVolatile() : handle.getVolatile(instance);
    }

    public void write(Object value) {
        if (java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
            handle.setVolatile(value);
        } else {
            handle.setVolatile(instance, value);
        }
    }
}
