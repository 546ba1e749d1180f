package dev.aether.titan.service;

import java.util.Collection;
import java.util.concurrent.CompletionStage;

/** The JavaScript constructor names the reference puts in definitions ("Number", "String", ...). */
final class JsTypeNames {
    private JsTypeNames() {
    }

    static String of(Class<?> type) {
        if (type == void.class || type == Void.class) {
            return "undefined";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "Boolean";
        }
        if (type.isPrimitive() && type != char.class || Number.class.isAssignableFrom(type)) {
            return "Number";
        }
        if (type == String.class || type == char.class || type == Character.class || type.isEnum()) {
            return "String";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "Array";
        }
        if (CompletionStage.class.isAssignableFrom(type)) {
            return "Promise";
        }
        return "Object"; // maps, records and beans
    }
}
