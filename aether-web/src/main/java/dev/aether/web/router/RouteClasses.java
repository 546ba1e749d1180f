package dev.aether.web.router;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Assembles registered {@link RoutePage} and {@link RouteLayout} instances into a tree, following
 * their {@link InLayout} annotations. Every check is made here, when the tree is built: a layout
 * that is named but not registered, a class registered twice, a loop of layouts.
 */
final class RouteClasses {
    private final Map<Class<?>, Object> byClass = new LinkedHashMap<>();

    private RouteClasses(List<?> instances) {
        for (Object instance : instances) {
            if (!(instance instanceof RoutePage<?>) && !(instance instanceof RouteLayout<?>)) {
                throw new IllegalArgumentException(instance.getClass().getName() + " is neither a RoutePage nor a RouteLayout");
            }
            if (byClass.put(instance.getClass(), instance) != null) {
                throw new IllegalArgumentException(instance.getClass().getName() + " is registered twice");
            }
        }
    }

    /** Declares {@code instances} in {@code root}, each inside the layout its class names. */
    static void declare(List<?> instances, RouteTree.Children root) {
        RouteClasses classes = new RouteClasses(instances);
        classes.checkLayoutsExistWithoutLoops();
        classes.declareChildrenOf(null, root);
    }

    private void declareChildrenOf(Class<?> layout, RouteTree.Children into) {
        for (Object instance : byClass.values()) {
            if (parentOf(instance.getClass()) != layout) {
                continue;
            }
            switch (instance) {
                case RoutePage<?> page -> into.page(page.level());
                case RouteLayout<?> inner -> into.layout(inner.level(), children -> declareChildrenOf(inner.getClass(), children));
                default -> throw new AssertionError(instance);
            }
        }
    }

    private void checkLayoutsExistWithoutLoops() {
        for (Class<?> type : byClass.keySet()) {
            Set<Class<?>> seen = new HashSet<>();
            List<String> path = new ArrayList<>();
            for (Class<?> at = type; at != null; at = parentOf(at)) {
                path.add(at.getSimpleName());
                if (!seen.add(at)) {
                    throw new IllegalArgumentException("layouts in a loop: " + String.join(" in ", path));
                }
                Class<?> parent = parentOf(at);
                if (parent != null && !byClass.containsKey(parent)) {
                    throw new IllegalArgumentException(at.getName() + " is @InLayout(" + parent.getSimpleName()
                            + ".class), which is not registered: add an instance of it to classes(...)");
                }
            }
        }
    }

    private static Class<?> parentOf(Class<?> type) {
        InLayout in = type.getAnnotation(InLayout.class);
        return in == null ? null : in.value();
    }
}
