package dev.aether.reactive.store;

import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/**
 * Finds the component a {@link RecordAccessor} method reference refers to. A serialisable
 * lambda can describe itself through {@code writeReplace}; that is the only way to learn a
 * method reference's target without calling it.
 */
final class ComponentNames {
    private ComponentNames() {
    }

    static String of(RecordAccessor<?, ?> accessor) {
        SerializedLambda lambda = describe(accessor);
        String method = lambda.getImplMethodName();
        if (lambda.getImplMethodKind() != MethodHandleInfo.REF_invokeVirtual || lambda.getCapturedArgCount() != 0
                || method.startsWith("lambda$")) {
            throw notAnAccessor(lambda);
        }
        Class<?> owner = load(lambda.getImplClass().replace('/', '.'), accessor.getClass().getClassLoader());
        if (owner != null && owner.isRecord()
                && Arrays.stream(owner.getRecordComponents()).map(RecordComponent::getName).noneMatch(method::equals)) {
            throw notAnAccessor(lambda);
        }
        return method;
    }

    private static SerializedLambda describe(RecordAccessor<?, ?> accessor) {
        try {
            Method writeReplace = accessor.getClass().getDeclaredMethod("writeReplace");
            writeReplace.setAccessible(true);
            if (writeReplace.invoke(accessor) instanceof SerializedLambda lambda) {
                return lambda;
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // not a lambda: fall through
        }
        throw new IllegalArgumentException("select(...) needs a method reference to a record accessor, such as"
                + " AppState::users; got " + accessor.getClass().getName());
    }

    private static Class<?> load(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null; // cannot check; the path lookup will report an unknown component
        }
    }

    private static IllegalArgumentException notAnAccessor(SerializedLambda lambda) {
        return new IllegalArgumentException("select(...) needs a method reference to a record accessor, such as"
                + " AppState::users; got a reference to " + lambda.getImplClass().replace('/', '.') + "."
                + lambda.getImplMethodName());
    }
}
